/* fs.h — the flash filesystem (fs.c): a flat namespace of files in the
 * board's flash region, the same bytes on every board. Nothing here raises
 * or allocates: errors are errno values, so the web board may call in from
 * JavaScript between two VM steps. mod_os.c puts Python on top. */
#ifndef PITH_FS_H
#define PITH_FS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FS_CHUNK 128              /* the unit of allocation, 8 to a page */
#define FS_DATA (FS_CHUNK - 4u)   /* file bytes in one data chunk */
#define FS_NAME_MAX 120           /* MicroPython v1's limit */

/* errno values, as MicroPython numbers them */
enum { FS_OK = 0, FS_ENOENT = 2, FS_EBADF = 9, FS_ENOSPC = 28 };

/* Find the region, finish or undo what a reset interrupted, and forget the
 * files left open by the previous run. Called by pith_init. */
void fs_mount(void);
/* Erase every page: an empty filesystem. */
void fs_format(void);
/* Bytes the region holds, and bytes still free for files' chunks. */
size_t fs_capacity(void);
size_t fs_free(void);

/* Committed files, by their head chunk: fs_next(-1) is the first, -1 ends. */
int fs_next(int head);
int fs_lookup(const char *name, size_t len);     /* -1 when absent */
/* What os.listdir shows: committed files, and new ones being written
 * (their size is 0 until they are closed). */
int fs_next_listed(int head);
int fs_find_listed(const char *name, size_t len);
const char *fs_name(int head, size_t *len);      /* points into flash */
uint32_t fs_size(int head);                      /* 0 while being written */
uint16_t fs_id(int head);
bool fs_exists(uint16_t id);                     /* a committed file with this id */
int fs_head(uint16_t id);                        /* its head, committed or being written; -1 */

/* Writing a file: a new, uncommitted head (the old file, if any, stays
 * until the commit), its data chunks in order (index from 1, FS_DATA bytes
 * each but the last), then the commit, which replaces the old file. */
int fs_create(const char *name, size_t len, uint16_t *id);
int fs_append(uint16_t id, unsigned index, const void *data, size_t n);
int fs_commit(uint16_t id, uint32_t size);
/* Delete every chunk of a file (an abandoned write, or a removal). */
void fs_discard(uint16_t id);

int fs_remove(const char *name, size_t len);
int fs_rename(const char *from, size_t flen, const char *to, size_t tlen);
/* A whole file from memory (the web page's Files panel). */
int fs_put(const char *name, size_t len, const void *data, size_t n);

/* The file's bytes from pos up to the end of their chunk, in place: *n of
 * them (0 when pos is past the data or the chunk is gone). *hint caches
 * where the last chunk was found (start with 0). */
const uint8_t *fs_span(uint16_t id, uint32_t pos, uint16_t *hint, size_t *n);

#endif
