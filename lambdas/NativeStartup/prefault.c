/*
 * Linked into every function's bootstrap; runs as an ELF constructor, before the .NET runtime.
 *
 * At start-up Native AOT rehydrates its type data into the executable's zero-initialised
 * writable memory (.bss and .hydrated, 2-3 MB), writing it one page at a time. Every first
 * write to a page is a page fault, and in a virtual machine a fault costs several times more
 * than populating the same page in bulk. So the zero-initialised tail of each writable
 * segment is populated with one madvise call. Kernels older than 5.14 do not know
 * MADV_POPULATE_WRITE and return EINVAL; the pages then fault in one by one as before.
 *
 * BOOTSTRAP_PREFAULT=0 turns it off; the cold-start benchmark measures both.
 */
#define _GNU_SOURCE
#include <link.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

static int populate_zero_initialised_segments(struct dl_phdr_info *object, size_t size, void *unused)
{
    (void)size;
    (void)unused;
    const long page_size = sysconf(_SC_PAGESIZE);
    if (page_size <= 0)
    {
        return 1;
    }
    const uintptr_t page = (uintptr_t)page_size;
    for (ElfW(Half) i = 0; i < object->dlpi_phnum; i++)
    {
        const ElfW(Phdr) *segment = &object->dlpi_phdr[i];
        if (segment->p_type != PT_LOAD || !(segment->p_flags & PF_W) || segment->p_memsz <= segment->p_filesz)
        {
            continue;
        }
        /* Only the part past the file's bytes: the file-backed part may be read-only by now (RELRO). */
        const uintptr_t zero_start = object->dlpi_addr + segment->p_vaddr + segment->p_filesz;
        const uintptr_t start = (zero_start + page - 1) & ~(page - 1);
        const uintptr_t end = (object->dlpi_addr + segment->p_vaddr + segment->p_memsz + page - 1) & ~(page - 1);
        if (end > start)
        {
            madvise((void *)start, end - start, MADV_POPULATE_WRITE);
        }
    }
    /* The executable is the first object reported; the shared libraries need nothing. */
    return 1;
}

__attribute__((constructor)) static void prefault_runtime_data(void)
{
    const char *setting = getenv("BOOTSTRAP_PREFAULT");
    if (setting != NULL && strcmp(setting, "0") == 0)
    {
        return;
    }
    dl_iterate_phdr(populate_zero_initialised_segments, NULL);
}
