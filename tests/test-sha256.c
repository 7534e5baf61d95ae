/*
 * SHA-256 against FIPS 180-4's examples and sha256sum's digests, and the
 * same digest whatever pieces the input is fed in: seals depend on it,
 * and a faster compress or update must not change one bit.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sha256.h"

static void
test_sha256_vectors(void **state)
{
	char hex[65];

	(void)state;
	sha256_hex("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855");
	sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
	/* 56 bytes: the padding needs a second block. */
	sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	    56, hex);
	assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039"
	    "a33ce45964ff2167f6ecedd419db06c1");
	sha256_hex("\xe8\x80\x83\xe6\xa0\xb8\n", 7, hex);	/* 考核 */
	assert_string_equal(hex, "0ad426ccac89e76540353ace12c55897"
	    "2bcd323e5813ee2e7bdc01163edc33b1");
}

static void
test_sha256_million_a(void **state)
{
	struct sha256 s;
	char block[1000], hex[65];
	int i;

	(void)state;
	memset(block, 'a', sizeof block);
	sha256_init(&s);
	for (i = 0; i < 1000; i++)
		sha256_update(&s, block, sizeof block);
	sha256_final_hex(&s, hex);
	assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67"
	    "f1809a48a497200e046d39ccc7112cd0");
}

/* Every length up to 300, in pieces of every size: one digest each. */
static void
test_sha256_pieces(void **state)
{
	unsigned char data[300];
	char whole[65], pieces[65];
	struct sha256 s;
	size_t len, step, at, n;

	(void)state;
	for (at = 0; at < sizeof data; at++)
		data[at] = (unsigned char)(at * 7 + 3);
	for (len = 0; len <= sizeof data; len++) {
		sha256_hex(data, len, whole);
		for (step = 1; step <= 130; step += 3) {
			sha256_init(&s);
			for (at = 0; at < len; at += n) {
				n = len - at < step ? len - at : step;
				sha256_update(&s, data + at, n);
			}
			sha256_final_hex(&s, pieces);
			assert_string_equal(whole, pieces);
		}
	}
}

/* The group again with the portable C, where the CPU has SHA-NI. */
static int
portable(void **state)
{
	(void)state;
	sha256_use_portable(true);
	return strcmp(sha256_implementation(), "portable") == 0 ? 0 : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256_vectors),
		cmocka_unit_test(test_sha256_million_a),
		cmocka_unit_test(test_sha256_pieces),
	};
	int failed;

	print_message("sha256: %s\n", sha256_implementation());
	failed = cmocka_run_group_tests_name("native", tests, NULL, NULL);
	return failed + cmocka_run_group_tests_name("portable", tests,
	    portable, NULL);
}
