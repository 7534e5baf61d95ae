/* SHA-256 (FIPS 180-4), enough to fingerprint a rubric snapshot. */
#ifndef KAOHE_SHA256_H
#define KAOHE_SHA256_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t	 h[8];
	uint64_t	 bytes;		/* hashed so far */
	unsigned char	 block[64];
	size_t		 nblock;	/* bytes waiting in block */
};

void	sha256_init(struct sha256 *);
void	sha256_update(struct sha256 *, const void *data, size_t len);
void	sha256_final(struct sha256 *, unsigned char digest[32]);
/* Finish ctx; its digest as 64 lowercase hex digits and a NUL. */
void	sha256_final_hex(struct sha256 *, char hex[65]);
/* The digest of data as 64 lowercase hex digits and a NUL. */
void	sha256_hex(const void *data, size_t len, char hex[65]);

/*
 * Which compression runs: "sha-ni" (the x86 SHA extensions, where the
 * CPU has them) or "portable"; tests make it "portable" to check both.
 */
const char *sha256_implementation(void);
void	sha256_use_portable(bool);

#endif
