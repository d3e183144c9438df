/*
 * valgrind/memcheck.h for a PostgreSQL built with AddressSanitizer (scripts/pg_asan.sh).
 *
 * PostgreSQL marks memory for Valgrind when built with USE_VALGRIND: the slack after each
 * palloc chunk, the free space of each block, freed chunks (with CLOBBER_FREED_MEMORY) and the
 * chunk headers are no-access. With these definitions the same marks poison and unpoison
 * AddressSanitizer's shadow instead, so a read or write past the end of a palloc'd value, or
 * into a pfree'd one, stops the backend with a report, as it would for malloc'd memory.
 *
 * Defined and undefined both mean addressable here; AddressSanitizer has no "undefined".
 * A pool free carries no size, so it leaves the memory as it is (wipe_mem poisons it).
 */
#ifndef AKH_ASAN_MEMCHECK_H
#define AKH_ASAN_MEMCHECK_H

#include <sanitizer/asan_interface.h>

#define VALGRIND_MAKE_MEM_NOACCESS(addr, size) ASAN_POISON_MEMORY_REGION((addr), (size))
#define VALGRIND_MAKE_MEM_UNDEFINED(addr, size) ASAN_UNPOISON_MEMORY_REGION((addr), (size))
#define VALGRIND_MAKE_MEM_DEFINED(addr, size) ASAN_UNPOISON_MEMORY_REGION((addr), (size))
#define VALGRIND_CHECK_MEM_IS_DEFINED(addr, size) ((void) 0)
#define VALGRIND_CREATE_MEMPOOL(pool, redzones, zeroed) ((void) 0)
#define VALGRIND_DESTROY_MEMPOOL(pool) ((void) 0)
#define VALGRIND_MEMPOOL_ALLOC(pool, addr, size) ASAN_UNPOISON_MEMORY_REGION((addr), (size))
#define VALGRIND_MEMPOOL_FREE(pool, addr) ((void) 0)
#define VALGRIND_MEMPOOL_CHANGE(pool, oldaddr, newaddr, size) \
	ASAN_UNPOISON_MEMORY_REGION((newaddr), (size))

#endif
