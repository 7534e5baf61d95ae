#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include "i18n.h"
#include "uuid.h"
#include "xalloc.h"

static int
random_bytes(unsigned char *buf, size_t len, char **cause)
{
	ssize_t n;

	while (len > 0) {
		n = getrandom(buf, len, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			*cause = xasprintf(_("cannot read random bytes: %s"),
			    strerror(errno));
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

int
uuid_v4(char out[37], char **cause)
{
	static const char digits[] = "0123456789abcdef";
	unsigned char b[16];
	int i, o = 0;

	if (random_bytes(b, sizeof b, cause) != 0)
		return -1;
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);	/* version 4 */
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);	/* RFC 4122 variant */
	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = digits[b[i] >> 4];
		out[o++] = digits[b[i] & 15];
	}
	out[o] = '\0';
	return 0;
}

bool
uuid_valid(const char *s)
{
	int i;

	if (strlen(s) != 36)
		return false;
	for (i = 0; i < 36; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;

		bool hex = (s[i] >= '0' && s[i] <= '9') ||
		    (s[i] >= 'a' && s[i] <= 'f');

		if (dash ? s[i] != '-' : !hex)
			return false;
	}
	return true;
}
