/*
 * tools/sipsift/uri_compare.c - `sipsift uri-compare A B`: whether two URIs
 * are equivalent by RFC 3261 19.1.4 (with RFC 5954 4.2 for IP addresses,
 * RFC 3966 4 for tel, RFC 8141 3.1 for urn), as sift_uri_equal() decides.
 *
 *   $ sipsift uri-compare 'sip:%61lice@atlanta.com;transport=TCP' \
 *         'sip:alice@AtLanTa.CoM;Transport=tcp'
 *   equal
 *
 * Exit status: 0 equal, 1 different, 2 bad usage or a URI that does not
 * parse.
 */
#include <stdio.h>
#include <string.h>
#include "sipsift/sipsift.h"
#include "uri_compare.h"

static void usage(FILE *out, const char *name)
{
	fprintf(out,
		"usage: %s [--strict] [--sips-as-sip] URI-A URI-B\n"
		"  Prints \"equal\" (exit 0) or \"different\" (exit 1): RFC 3261 19.1.4 URI\n"
		"  equivalence, IP addresses by value (RFC 5954), tel (RFC 3966 4), urn (RFC 8141).\n"
		"  Exit 2 when a URI does not parse.\n"
		"  --strict       parse the URIs strictly\n"
		"  --sips-as-sip  compare sip and sips as one scheme, as a registrar compares\n"
		"                 AORs (RFC 5630 5.2)\n",
		name);
}

int tool_uri_compare(int argc, char **argv)
{
	unsigned options = 0;
	const char *uris[2];
	int count = 0, options_done = 0;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		if (!options_done && strcmp(arg, "--") == 0) {
			options_done = 1;
		} else if (!options_done && (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0)) {
			usage(stdout, argv[0]);
			return 0;
		} else if (!options_done && strcmp(arg, "--strict") == 0) {
			options |= SIFT_OPT_STRICT;
		} else if (!options_done && strcmp(arg, "--sips-as-sip") == 0) {
			options |= SIFT_URI_EQUAL_SIPS_AS_SIP;
		} else if (!options_done && arg[0] == '-' && arg[1] == '-') {
			fprintf(stderr, "%s: unknown option '%s'\n", argv[0], arg);
			usage(stderr, argv[0]);
			return 2;
		} else if (count < 2) {
			uris[count++] = arg;
		} else {
			fprintf(stderr, "%s: more than two URIs\n", argv[0]);
			usage(stderr, argv[0]);
			return 2;
		}
	}
	if (count != 2) {
		usage(stderr, argv[0]);
		return 2;
	}
	size_t len_a = strlen(uris[0]), len_b = strlen(uris[1]);
	if (len_a > SIFT_MAX_INPUT || len_b > SIFT_MAX_INPUT) {
		fprintf(stderr, "%s: URI too long\n", argv[0]);
		return 2;
	}
	sift_span a = { 0, (uint32_t)len_a }, b = { 0, (uint32_t)len_b };
	sift_error err = { SIFT_OK, 0, NULL, SIFT_H_NONE };
	int result = sift_uri_equal_err(uris[0], a, uris[1], b, options, &err);
	if (result < 0) {
		int first = result == SIFT_URI_EQUAL_BAD_A;
		fprintf(stderr, "%s: %s URI (%s) does not parse: %s%s at offset %u: %s\n",
			argv[0], first ? "first" : "second", first ? "A" : "B",
			err.code == SIFT_E_URI ? "expected " : "", err.rule ? err.rule : "URI",
			(unsigned)err.offset, sift_strerror(err.code));
		fprintf(stderr, "  %s\n  %*s^\n", uris[first ? 0 : 1], (int)err.offset, "");
		return 2;
	}
	puts(result ? "equal" : "different");
	return result ? 0 : 1;
}
