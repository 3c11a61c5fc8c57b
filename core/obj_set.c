/* obj_set.c — TEMPORARY: set and frozenset as unsorted lists, only for the
 * compiler's set displays until the containers work lands. */
#include "obj.h"

static void set_print(pout *o, pv self, bool repr) {
    plist *l = (plist *)((pv *)self)[1];
    if (!l->len) {
        out_str(o, "set()");
        return;
    }
    print_seq(o, l->items, l->len, "{", "}", true);
}

const ptype t_set = {TYPE_HEAD(set), .print = set_print};
const ptype t_frozenset = {TYPE_HEAD(frozenset), .print = set_print};

pv set_new(const ptype *t) {
    pv *s = gc_alloc(2 * sizeof(pv));
    s[0] = (pv)t;
    gc_root_push((pv *)&s);
    pv l = list_new(0);
    s[1] = l;
    gc_root_pop(1);
    return (pv)s;
}

void set_add(pv set, pv item) {
    plist *l = (plist *)((pv *)set)[1];
    for (size_t i = 0; i < l->len; i++)
        if (rt_equal(l->items[i], item)) return;
    list_append(((pv *)set)[1], item);
}
