/* import.c — the import statement and main.py: built-in modules from a
 * table in flash; modules from files (`import helper` runs helper.py from
 * the filesystem once, and sys.modules keeps it); main.py at boot. */
#include <string.h>

#include "compiler.h"
#include "fs.h"
#include "import.h"
#include "pith.h"
#include "vm.h"

extern const pmodule mod_gc, mod_sys, mod_time, mod_random, mod_micropython, mod_array, mod_microbit, mod_math;
extern const pmodule mod_struct, mod_binascii, mod_io; /* mod_struct.c, mod_binascii.c, mod_io.c */
extern const pmodule mod_collections, mod_errno, mod_os;

/* builtins: the built-in names as a module (tools such as Thonny reach
 * them as builtins.print even where a program shadows print). */
static const pmodule mod_builtins = {&t_module, &N(builtins), &builtins_table, PV_NULL};

/* Built-in modules, with MicroPython's u-prefixed aliases. */
static const struct {
    const pstr *name;
    const pmodule *mod;
} modules[] = {
    {&N(gc), &mod_gc}, {&N(sys), &mod_sys}, {&N(time), &mod_time}, {&N(utime), &mod_time},
    {&N(urandom), &mod_random}, {&N(random), &mod_random}, {&N(micropython), &mod_micropython},
    {&N(array), &mod_array}, {&N(uarray), &mod_array}, {&N(microbit), &mod_microbit}, {&N(math), &mod_math},
    {&N(struct), &mod_struct}, {&N(ustruct), &mod_struct}, {&N(binascii), &mod_binascii},
    {&N(ubinascii), &mod_binascii}, {&N(io), &mod_io}, {&N(uio), &mod_io},
    {&N(collections), &mod_collections}, {&N(ucollections), &mod_collections},
    {&N(errno), &mod_errno}, {&N(uerrno), &mod_errno},
    {&N(os), &mod_os}, {&N(uos), &mod_os},
    {&N(builtins), &mod_builtins},
};

/* help('modules'): the built-in modules sorted, in MicroPython's four
 * columns of 18 read downwards. */
void import_help_modules(void) {
    enum { COUNT = sizeof modules / sizeof modules[0], COLUMNS = 4, WIDTH = 18 };
    uint8_t order[COUNT];
    for (unsigned i = 0; i < COUNT; i++) {
        unsigned k = i;
        for (; k && strcmp(modules[order[k - 1]].name->data, modules[i].name->data) > 0; k--) order[k] = order[k - 1];
        order[k] = (uint8_t)i;
    }
    const unsigned rows = (COUNT + COLUMNS - 1) / COLUMNS;
    for (unsigned r = 0; r < rows; r++) {
        for (unsigned j = r; j < COUNT; j += rows) {
            const pstr *name = modules[order[j]].name;
            out_str(&rt_stdout, name->data);
            for (unsigned gap = name->len; j + rows < COUNT && gap < WIDTH; gap++) out_char(&rt_stdout, ' ');
        }
        out_char(&rt_stdout, '\n');
    }
    out_str(&rt_stdout, "Plus any modules on the filesystem\n");
}

/* A module from a file keeps its globals in its dict; its flash table is empty. */
static const ptable no_members = {0, NULL};

pv import_modules(void) {
    return sys_modules();
}

/* A file's text in a heap block from the top of the arena, where the
 * hole it leaves once compiled joins the free space. */
/* A file's bytes for the lexer, read in place from flash a chunk at a
 * time: compiling a module costs no copy of its source in the heap. */
typedef struct {
    uint16_t id, hint;
    uint32_t pos, size;
    const uint8_t *p;
    size_t left;
} file_reader;

static void file_reader_open(file_reader *f, int head) {
    *f = (file_reader){.id = fs_id(head), .size = fs_size(head)};
}

static int file_read(void *ctx) {
    file_reader *f = ctx;
    if (!f->left) {
        if (f->pos >= f->size) return -1;
        f->p = fs_span(f->id, f->pos, &f->hint, &f->left);
        if (!f->p || !f->left) return -1;
        if (f->left > f->size - f->pos) f->left = f->size - f->pos;
    }
    f->pos++;
    f->left--;
    return *f->p++;
}

/* NAME.py's head, and its name interned for tracebacks. Not inlined: its
 * buffer must not stay on the C stack while the module runs. */
__attribute__((noinline)) static int find_source(const pstr *name, const pstr **file) {
    char path[FS_NAME_MAX];
    if (name->len + 3 > FS_NAME_MAX) return -1;
    memcpy(path, name->data, name->len);
    memcpy(path + name->len, ".py", 3);
    int head = fs_lookup(path, name->len + 3);
    if (head >= 0) *file = (const pstr *)str_intern(path, name->len + 3);
    return head;
}

/* Run NAME.py as module NAME. It is in sys.modules from the start, so an
 * import cycle finds it half made; and, as in MicroPython v1, it stays
 * there if it fails (a TRY here would cost every nested import ~100 bytes
 * of C stack, of which the micro:bit has 2 KiB). */
static pv import_file(const pstr *name, int head, const pstr *file) {
    pmodule *m = gc_alloc(sizeof(pmodule));
    m->type = &t_module;
    m->name = name;
    m->globals = &no_members;
    pv mod = (pv)m;
    gc_root_push(&mod);
    m->dict = dict_new(8);
    dict_set(m->dict, (pv)&N(__name__), (pv)name);
    dict_set(import_modules(), (pv)name, mod);
    file_reader f;
    file_reader_open(&f, head);
    pcode *code = compile_stream(file_read, &f, file, PITH_MODE_FILE);
    vm_run_module(code, m->dict);
    gc_root_pop(1);
    return mod;
}

pv mod_import(const pstr *name) {
    for (unsigned i = 0; i < sizeof modules / sizeof modules[0]; i++)
        if (modules[i].name == name)
            return modules[i].mod == &mod_sys ? sys_module() : (pv)modules[i].mod; /* sys keeps state in the heap */
    pv loaded = dict_get(sys_modules(), (pv)name);
    if (loaded) return loaded;
    const pstr *file = NULL;
    int head = find_source(name, &file);
    if (head < 0) rt_raise_fmt(&t_ImportError, "no module named '%s'", name->data);
    return import_file(name, head, file);
}

int pith_run_main(const char *appended, size_t len, int scroll) {
    int r = PITH_OK;
    if (appended) {
        r = pith_exec(appended, len, "main.py", PITH_MODE_FILE);
    } else {
        int head = fs_lookup("main.py", 7);
        if (head >= 0) {
            file_reader f;
            file_reader_open(&f, head);
            r = pith_exec_read(file_read, &f, "main.py", PITH_MODE_FILE, NULL);
        }
    }
    if (r == PITH_EXC) {
        pith_print_exception();
        if (scroll && !pv_is(vm_last_exc, &t_KeyboardInterrupt)) pith_scroll_exception();
    }
    return r;
}
