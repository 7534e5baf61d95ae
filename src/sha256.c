/* SHA-256 after FIPS 180-4, written from the standard's pseudocode. */
#include "config.h"

#include <stdbool.h>
#include <string.h>

/* The x86 SHA extensions, where the compiler can target them. */
#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__) && \
    defined(HAVE_CPUID_H)
#define KAOHE_SHA_NI	1
#include <cpuid.h>
#include <immintrin.h>
#else
#define KAOHE_SHA_NI	0
#endif

#include "sha256.h"

static const uint32_t k[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t
ror(uint32_t x, unsigned n)
{
	return (x >> n) | (x << (32 - n));
}

#define CH(x, y, z)	(((x) & (y)) ^ (~(x) & (z)))
#define MAJ(x, y, z)	(((x) & (y)) ^ ((x) & (z)) ^ ((y) & (z)))
#define S0(x)		(ror(x, 2) ^ ror(x, 13) ^ ror(x, 22))
#define S1(x)		(ror(x, 6) ^ ror(x, 11) ^ ror(x, 25))
#define s0(x)		(ror(x, 7) ^ ror(x, 18) ^ ((x) >> 3))
#define s1(x)		(ror(x, 17) ^ ror(x, 19) ^ ((x) >> 10))

/*
 * One round, with the eight working variables renamed instead of moved:
 * shifting them through an array (the pseudocode's h = g, g = f, ...)
 * was most of a seal's cost.
 */
#define ROUND(a, b, c, d, e, f, g, h, i) do {				\
	uint32_t t1_ = (h) + S1(e) + CH(e, f, g) + k[i] + w[i];		\
	(d) += t1_;							\
	(h) = t1_ + S0(a) + MAJ(a, b, c);				\
} while (0)

static void
compress_portable(uint32_t h[8], const unsigned char *p)
{
	uint32_t w[64], a, b, c, d, e, f, g, hh;
	int i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		    (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
	for (i = 16; i < 64; i++)
		w[i] = s1(w[i - 2]) + w[i - 7] + s0(w[i - 15]) + w[i - 16];
	a = h[0]; b = h[1]; c = h[2]; d = h[3];
	e = h[4]; f = h[5]; g = h[6]; hh = h[7];
	for (i = 0; i < 64; i += 8) {
		ROUND(a, b, c, d, e, f, g, hh, i);
		ROUND(hh, a, b, c, d, e, f, g, i + 1);
		ROUND(g, hh, a, b, c, d, e, f, i + 2);
		ROUND(f, g, hh, a, b, c, d, e, i + 3);
		ROUND(e, f, g, hh, a, b, c, d, i + 4);
		ROUND(d, e, f, g, hh, a, b, c, i + 5);
		ROUND(c, d, e, f, g, hh, a, b, i + 6);
		ROUND(b, c, d, e, f, g, hh, a, i + 7);
	}
	h[0] += a; h[1] += b; h[2] += c; h[3] += d;
	h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

#if KAOHE_SHA_NI
/*
 * The same compression with the x86 SHA extensions (Intel's SHA-NI, on
 * most x86 CPUs since 2017), where the CPU has them: a quarter of the
 * time. The state is kept as the instructions want it, ABEF and CDGH.
 */
#define SHA_NI_TARGET	__attribute__((target("sha,sse4.1,ssse3")))

SHA_NI_TARGET static void
compress_sha_ni(uint32_t h[8], const unsigned char *p)
{
	const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL,
	    0x0405060700010203ULL);
	__m128i abef, cdgh, abef0, cdgh0, t, m[4];
	int i;

	t = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&h[0]), 0xb1);
	cdgh = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&h[4]),
	    0x1b);
	abef = _mm_alignr_epi8(t, cdgh, 8);
	cdgh = _mm_blend_epi16(cdgh, t, 0xf0);
	abef0 = abef;
	cdgh0 = cdgh;
	for (i = 0; i < 16; i++) {
		if (i < 4)
			m[i] = _mm_shuffle_epi8(_mm_loadu_si128(
			    (const __m128i *)(p + 16 * i)), swap);
		else	/* W[4i..4i+3] from the four groups before */
			m[i & 3] = _mm_sha256msg2_epu32(_mm_add_epi32(
			    _mm_sha256msg1_epu32(m[i & 3], m[(i + 1) & 3]),
			    _mm_alignr_epi8(m[(i + 3) & 3], m[(i + 2) & 3], 4)),
			    m[(i + 3) & 3]);
		t = _mm_add_epi32(m[i & 3],
		    _mm_loadu_si128((const __m128i *)&k[4 * i]));
		cdgh = _mm_sha256rnds2_epu32(cdgh, abef, t);
		abef = _mm_sha256rnds2_epu32(abef, cdgh,
		    _mm_shuffle_epi32(t, 0x0e));
	}
	abef = _mm_add_epi32(abef, abef0);
	cdgh = _mm_add_epi32(cdgh, cdgh0);
	t = _mm_shuffle_epi32(abef, 0x1b);
	cdgh = _mm_shuffle_epi32(cdgh, 0xb1);
	_mm_storeu_si128((__m128i *)&h[0], _mm_blend_epi16(t, cdgh, 0xf0));
	_mm_storeu_si128((__m128i *)&h[4], _mm_alignr_epi8(cdgh, t, 8));
}

static bool
cpu_has_sha_ni(void)
{
	unsigned a, b, c, d;

	if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_SSE4_1) ||
	    !(c & bit_SSSE3))
		return false;
	return __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & bit_SHA);
}
#endif

static void compress_first(uint32_t h[8], const unsigned char *p);

/* Chosen at the first block: the CPU's instructions, or portable C. */
static void (*compress)(uint32_t h[8], const unsigned char *p) =
    compress_first;
static bool portable_only;

static void
choose(void)
{
	compress = compress_portable;
#if KAOHE_SHA_NI
	if (!portable_only && cpu_has_sha_ni())
		compress = compress_sha_ni;
#endif
}

static void
compress_first(uint32_t h[8], const unsigned char *p)
{
	choose();
	compress(h, p);
}

const char *
sha256_implementation(void)
{
	if (compress == compress_first)
		choose();
	return compress == compress_portable ? "portable" : "sha-ni";
}

void
sha256_use_portable(bool portable)
{
	portable_only = portable;
	choose();
}

void
sha256_init(struct sha256 *s)
{
	static const uint32_t iv[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
	};

	memcpy(s->h, iv, sizeof iv);
	s->bytes = 0;
	s->nblock = 0;
}

void
sha256_update(struct sha256 *s, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t n;

	s->bytes += len;
	if (s->nblock > 0) {
		n = 64 - s->nblock;
		if (n > len)
			n = len;
		memcpy(s->block + s->nblock, p, n);
		s->nblock += n;
		p += n;
		len -= n;
		if (s->nblock < 64)
			return;
		compress(s->h, s->block);
		s->nblock = 0;
	}
	/* Whole blocks are hashed where they lie, not copied first. */
	for (; len >= 64; p += 64, len -= 64)
		compress(s->h, p);
	memcpy(s->block, p, len);
	s->nblock = len;
}

void
sha256_final(struct sha256 *s, unsigned char digest[32])
{
	uint64_t bits = s->bytes * 8;
	int i;

	/* 0x80, zeros to 56 bytes in the last block, the length in bits. */
	s->block[s->nblock++] = 0x80;
	if (s->nblock > 56) {
		memset(s->block + s->nblock, 0, 64 - s->nblock);
		compress(s->h, s->block);
		s->nblock = 0;
	}
	memset(s->block + s->nblock, 0, 56 - s->nblock);
	for (i = 0; i < 8; i++)
		s->block[56 + i] = (unsigned char)(bits >> (56 - 8 * i));
	compress(s->h, s->block);
	s->nblock = 0;
	for (i = 0; i < 32; i++)
		digest[i] = (unsigned char)(s->h[i / 4] >> (24 - 8 * (i % 4)));
}

void
sha256_final_hex(struct sha256 *s, char hex[65])
{
	static const char digits[] = "0123456789abcdef";
	unsigned char d[32];
	int i;

	sha256_final(s, d);
	for (i = 0; i < 32; i++) {
		hex[2 * i] = digits[d[i] >> 4];
		hex[2 * i + 1] = digits[d[i] & 15];
	}
	hex[64] = '\0';
}

void
sha256_hex(const void *data, size_t len, char hex[65])
{
	struct sha256 s;

	sha256_init(&s);
	sha256_update(&s, data, len);
	sha256_final_hex(&s, hex);
}
