/* names.h — every name the core knows at build time, kept in flash.
 *
 * Each X(name) becomes a const str object N(name); interning a source
 * identifier finds these first, so built-in names cost no heap and compare
 * by pointer. Add a name here before using N(name) anywhere. */
#ifndef PITH_NAMES_H
#define PITH_NAMES_H

#include "names_buf.h"
#include "names_microbit.h"
#include "names_lang.h"
#include "names_num.h"
#include "names_str.h"
#include "names_cont.h"
#include "names_fs.h"
#include "names_mpt.h"

#define PITH_NAMES(X) PITH_NAMES_BUF(X) PITH_NAMES_MICROBIT(X) PITH_NAMES_LANG(X) PITH_NAMES_NUM(X) \
    PITH_NAMES_STR(X) PITH_NAMES_CONT(X) PITH_NAMES_FS(X) PITH_NAMES_MPT(X) \
    X(close) \
    X(write) X(read) X(readline) \
    X(readinto) X(BytesIO) \
    X(__main__) X(__name__) X(__enter__) X(__exit__) X(__class__) \
    X(_) X(abs) X(all) X(any) X(append) X(args) X(array) X(bool) X(bytearray) \
    X(bytes) X(chr) X(choice) X(clear) X(collect) X(contiguous) X(copy) X(count) \
    X(decode) X(dict) X(divmod) X(encode) X(end) X(endswith) X(enumerate) \
    X(exit) X(extend) X(find) X(float) X(format) X(fromkeys) X(gc) X(get) \
    X(getattr) X(getrandbits) X(hasattr) X(hash) X(hex) X(id) X(implementation) X(index) \
    X(input) X(insert) X(int) X(isalpha) X(isdigit) X(isinstance) X(islower) \
    X(isspace) X(issubclass) X(isupper) X(items) X(iter) X(join) X(key) X(keys) X(len) \
    X(list) X(lower) X(lstrip) X(map) X(max) X(mem_alloc) X(mem_free) X(mem_info) \
    X(memoryview) X(micropython) X(min) X(name) X(nbytes) X(ndim) X(next) \
    X(obj) X(ord) X(pop) X(popitem) X(platform) X(pow) X(print) X(randint) \
    X(random) X(randrange) X(range) X(readonly) X(release) X(remove) X(replace) \
    X(repr) X(reverse) X(reversed) X(rfind) X(round) X(rstrip) X(seed) X(sep) \
    X(setdefault) X(shape) X(sleep) X(sleep_ms) X(sleep_us) X(sort) X(sorted) X(split) \
    X(start) X(startswith) X(step) X(stop) X(str) X(strides) X(strip) X(sum) X(sys) \
    X(ticks_add) X(ticks_diff) X(ticks_ms) X(ticks_us) X(time) X(tobytes) X(tolist) \
    X(toreadonly) X(tuple) X(type) X(uarray) X(uniform) X(update) X(upper) \
    X(urandom) X(utime) X(value) X(values) X(version) X(zip) \
    X(cast) X(itemsize) X(typecode) X(slice) X(filter) X(callable) \
    X(maxsize) X(byteorder) X(little) X(from_bytes) X(to_bytes) X(isalnum) \
    X(rsplit) X(partition) \
    X(bin) X(oct) \
    X(BaseException) X(Exception) X(SystemExit) X(KeyboardInterrupt) \
    X(StopIteration) X(ArithmeticError) X(ZeroDivisionError) X(OverflowError) \
    X(AssertionError) X(AttributeError) X(BufferError) X(ImportError) \
    X(LookupError) X(IndexError) X(KeyError) X(MemoryError) X(NameError) \
    X(OSError) X(RuntimeError) X(NotImplementedError) X(SyntaxError) \
    X(TypeError) X(ValueError) X(UnicodeError) \
    X(NoneType) X(function) X(bound_method) X(module) \
    X(code) X(iterator) X(ellipsis) X(pith) X(const) X(enable) X(disable) X(isenabled) X(n) X(x) X(help)

/* Names that are not identifiers: Y(c_name, "text"). */
#define PITH_SNAMES(Y) \
    Y(lt_module, "<module>") Y(lt_stdin, "<stdin>") Y(lt_lambda, "<lambda>") \
    Y(main_py, "main.py") Y(empty, "") Y(lt_listcomp, "<listcomp>") \
    Y(lt_ns, "<namespace>") Y(lt_genexpr, "<genexpr>") Y(lt_genexpr_arg, ".0") Y(lt_string, "<string>")

/* One array holds them all, so interning can search it without a table of
 * pointers; N(print) is the name "print". */
#define X(n) NAME_##n,
#define Y(n, t) NAME_##n,
enum { PITH_NAMES(X) PITH_SNAMES(Y) NAMES_COUNT };
#undef X
#undef Y
extern const struct pstr names_table[NAMES_COUNT];
#define N(n) (names_table[NAME_##n])

#endif
