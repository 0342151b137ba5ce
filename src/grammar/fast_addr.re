/*
 * src/grammar/fast_addr.re - a verdict-only fast path for full validation of
 * the address headers: From (RFC 3261 20.20), To (20.39), Contact (20.10),
 * Route (20.34), Record-Route (20.30) and the other name-addr / addr-spec
 * headers with the same rules (ABNF of RFC 3261 25).
 *
 * It accepts only the common shapes, each a subset of what sift_addr_parse
 * (src/hdr/addr.c) with the URI parser (src/uri/uri.c) accepts with every
 * option, and says nothing about the rest: a 0 sends the value to that
 * parser, which gives the error code, offset and rule. So the subsets below
 * leave out every byte on which a check beyond the ABNF, an option or a
 * parser's way of splitting the value could differ:
 *
 * - white space: SP and HTAB runs only (no folds), never inside < >
 *   (strict rejects it there, RFC 4475 3.1.2.14) nor around "=";
 * - display-name: tokens, or a quoted-string of %x20-7E without "\";
 * - the URI: sip or sips (RFC 3261 19.1), a user without ",", ";" or "?"
 *   (RFC 8217: an addr-spec with them must be in < >; the addr-spec
 *   parser ends the URI at "," and ";"), a password without ",", a
 *   host as sift__scan_host finds it (not the RFC 5118 form), a port
 *   of at most 59999 (the parser holds it to 65535), other-params in
 *   < > only (the URI parser checks no parameter value; an addr-spec ends
 *   at its first ";"), no headers ("?": strict rejects them in an
 *   addr-spec);
 * - header parameters with a value that is a token or such a quoted-string;
 *   tag (RFC 3261 25 tag-param) with a token value only; in Contact, q
 *   (qvalue), expires (at most nine digits: in range when strict, RFC 3261
 *   20.19), reg-id (1 to 999999999: RFC 5626 10 wants 1 to 2^31-1) and
 *   +sip.instance (RFC 5626 10 c-p-instance) only with the values that
 *   sift_addr_parse accepts, each occurrence; a name given twice is fine
 *   (the parser checks each one).
 *
 * None of the shapes holds an "@" outside the userinfo, a ">" inside
 * < >, or a ";" in a value, so the parser finds the same spans: the URI
 * ends at the first ">" (name-addr) or at the first ";" or white space
 * (addr-spec), the userinfo at the only "@", the host and the port where
 * the next byte holds none of their characters. fuzz/targets/fuzz_validate.c
 * checks that every value accepted here is accepted by sift_addr_parse.
 */
#include "grammar/internal.h"
#include "sipsift/hdr.h"
#include <string.h>

/*!include:re2c "abnf.re" */

/* The setup with bit vectors of scan_value.re (why computed gotos are off
 * is explained there), for the NUL-ended copy described below. */
/*!rules:re2c:bv
	re2c:api = custom;
	re2c:yyfill:enable = 0;
	re2c:define:YYCTYPE = 'unsigned char';
	re2c:flags:bit-vectors = 1;
	re2c:flags:computed-gotos = 0;

	fast_ws = [ \t]*;
	fast_quoted = DQUOTE [\x20\x21\x23-\x5B\x5D-\x7E]* DQUOTE;
	fast_user = (unreserved | escaped | [&=+$/])+;
	fast_password = (unreserved | escaped | [&=+$])*;
	fast_port = DIGIT{1,4} | [0-5] DIGIT{4};
	fast_userinfo = fast_user (":" fast_password)? "@";
	fast_value = token | fast_quoted;
	fast_semi = fast_ws ";" fast_ws;
	fast_tail = (":" fast_port)? (";" other_param)* ">";
	fast_end = fast_ws "\x00";
	fast_tags = (fast_semi 'tag' "=" token)+;
*/

/* The DFAs read a copy of the value that ends in a NUL: a byte needs no
 * comparison with the end before it is read. Only the whole-value rules
 * hold a NUL, as their last byte; every other match stops at it as at any
 * byte outside it. */
#undef YYPEEK
#define YYPEEK() (*YYCURSOR)
#define FAST_MATCHER_BODY                                                     \
	const unsigned char *YYCURSOR = (const unsigned char *)p;              \
	const unsigned char *YYMARKER = YYCURSOR;                              \
	(void)YYMARKER

/* Longer values are rare, and left to the parser. The copy ends in
 * FAST_PADDING NULs: the first is the end the DFAs see; 32 let
 * sift__scan_host take its 32-byte step on a host near the end. */
enum { FAST_COPY_MAX = 512, FAST_PADDING = 32 };

/* What fast_address found. */
enum fast_address {
	FAST_NO_ADDRESS,
	FAST_NAME_ADDR,       /* a name-addr; the parameters from *at on */
	FAST_ADDR_SPEC,       /* an addr-spec; the same */
	FAST_NAME_ADDR_WHOLE, /* the whole value: a name-addr and white space */
	FAST_ADDR_SPEC_WHOLE, /* the same with an addr-spec */
	FAST_NAME_ADDR_TAGS,  /* the whole value: a name-addr, tag=token... */
	FAST_ADDR_SPEC_TAGS   /* the same with an addr-spec */
};

/* The address up to its host: [ display-name ] "<" and the URI's scheme
 * and userinfo (FAST_NAME_ADDR), or those of an addr-spec
 * (FAST_ADDR_SPEC). *at moves to the host. */
static enum fast_address fast_head(const char **at)
{
	const char *p = *at;
	FAST_MATCHER_BODY;
	/*!use:re2c:bv
	fast_ws ((token fast_ws)* | fast_quoted fast_ws) "<" 'sip' 's'? ":" fast_userinfo? {
		*at = (const char *)YYCURSOR;
		return FAST_NAME_ADDR;
	}
	fast_ws 'sip' 's'? ":" fast_userinfo? {
		*at = (const char *)YYCURSOR;
		return FAST_ADDR_SPEC;
	}
	* { return FAST_NO_ADDRESS; }
	*/
}

/* The rest of a name-addr after its host: port, URI parameters, ">".
 * With only white space after it, or tag-params and white space, the
 * rules end with the NUL after the copy, so they match only the whole
 * value, and being longer they win over the one that stops at ">". */
static enum fast_address fast_name_addr_tail(const char **at)
{
	const char *p = *at;
	FAST_MATCHER_BODY;
	/*!use:re2c:bv
	fast_tail fast_end { *at = (const char *)YYCURSOR - 1; return FAST_NAME_ADDR_WHOLE; }
	fast_tail fast_tags fast_end {
		*at = (const char *)YYCURSOR - 1;
		return FAST_NAME_ADDR_TAGS;
	}
	fast_tail { *at = (const char *)YYCURSOR; return FAST_NAME_ADDR; }
	* { return FAST_NO_ADDRESS; }
	*/
}

/* The same after the host of an addr-spec: a port at most. */
static enum fast_address fast_addr_spec_tail(const char **at)
{
	const char *p = *at;
	FAST_MATCHER_BODY;
	/*!use:re2c:bv
	(":" fast_port)? fast_end { *at = (const char *)YYCURSOR - 1; return FAST_ADDR_SPEC_WHOLE; }
	(":" fast_port)? fast_tags fast_end {
		*at = (const char *)YYCURSOR - 1;
		return FAST_ADDR_SPEC_TAGS;
	}
	(":" fast_port)? { *at = (const char *)YYCURSOR; return FAST_ADDR_SPEC; }
	*/
}

/* The address at *at: a name-addr or an addr-spec without parameters,
 * alone, followed by tag-params only (From and To, nearly always) or by
 * more (FAST_NAME_ADDR, FAST_ADDR_SPEC: from *at on). The host is the
 * URI parser's: sift__scan_host finds the same end there, since no host
 * holds the byte that ends the URI (">", or ";", "," or white space).
 * Nor does it hold a NUL, so with the copy's FAST_PADDING NULs readable
 * the end is the same, and sift__scan_host reads 32 or 16 bytes a step
 * to it. */
static enum fast_address fast_address(const char **at, const char *padded_end)
{
	enum fast_address found = fast_head(at);
	unsigned kind;
	if (found == FAST_NO_ADDRESS || !(*at = sift__scan_host(*at, padded_end, &kind)))
		return FAST_NO_ADDRESS;
	return found == FAST_NAME_ADDR ? fast_name_addr_tail(at) : fast_addr_spec_tail(at);
}

enum fast_param {
	FAST_TAG,           /* tag=token */
	FAST_TAG_OTHER,     /* tag otherwise: the parser decides */
	FAST_CONTACT,       /* a contact-param of RFC 3261 20.10 / RFC 5626 10 with a value it accepts */
	FAST_CONTACT_OTHER, /* one of those names otherwise: generic except in Contact */
	FAST_GENERIC,       /* generic-param */
	FAST_NONE           /* none of these */
};

/* One SEMI generic-param at *p, moving *p past it. The rules of a name
 * the parser checks come first: on a tie (same length) re2c takes the
 * first rule, so a valid value is told apart from another one, and a
 * longer match (a tenth digit) goes to the rule after. */
static enum fast_param fast_param(const char **at)
{
	const char *p = *at;
	FAST_MATCHER_BODY;
	/*!use:re2c:bv
	fast_semi 'tag' "=" token { *at = (const char *)YYCURSOR; return FAST_TAG; }
	fast_semi 'tag' ("=" fast_value)? { return FAST_TAG_OTHER; }
	fast_semi ( 'q' "=" qvalue | 'expires' "=" DIGIT{1,9} | 'reg-id' "=" [1-9] DIGIT{0,8}
		  | '+sip.instance' "=" DQUOTE "<" instance_val ">" DQUOTE ) {
		*at = (const char *)YYCURSOR;
		return FAST_CONTACT;
	}
	fast_semi ('q' | 'expires' | 'reg-id' | '+sip.instance') ("=" fast_value)? {
		*at = (const char *)YYCURSOR;
		return FAST_CONTACT_OTHER;
	}
	fast_semi token ("=" fast_value)? { *at = (const char *)YYCURSOR; return FAST_GENERIC; }
	* { return FAST_NONE; }
	*/
}

/* 1 when the whole of [p, end) is one of the shapes above; then
 * sift_addr_parse accepts it with these options (the SIFT_ADDR_* flags and
 * either mode). 0 says nothing. */
int sift__addr_fast_accept(const char *p, const char *end, unsigned options)
{
	size_t length = (size_t)(end - p);
	char copy[FAST_COPY_MAX + FAST_PADDING];
	if (length > FAST_COPY_MAX)
		return 0;
	memcpy(copy, p, length);
	memset(copy + length, 0, FAST_PADDING);
	p = copy;
	end = copy + length;
	/* Contact's STAR: the parser takes a value that starts with "*" for
	 * one, so "*" starting a display-name token is its to judge (the
	 * NUL stops the loop). */
	if (options & SIFT_ADDR_ALLOW_STAR) {
		const char *first = p;
		while (*first == ' ' || *first == '\t')
			first++;
		if (*first == '*')
			return 0;
	}
	enum fast_address found = fast_address(&p, end + FAST_PADDING);
	int name_addr = found == FAST_NAME_ADDR || found == FAST_NAME_ADDR_WHOLE ||
			found == FAST_NAME_ADDR_TAGS;
	if (found == FAST_NO_ADDRESS || ((options & SIFT_ADDR_NAME_ADDR_ONLY) && !name_addr))
		return 0;
	/* A whole-value rule ends at a NUL: the copy's, or one in the value. */
	if (found >= FAST_NAME_ADDR_WHOLE)
		return p == end && !(found >= FAST_NAME_ADDR_TAGS && (options & SIFT_ADDR_NO_PARAMS));
	for (;;) {
		/* RFC 3325 9.1: with SIFT_ADDR_NO_PARAMS an addr-spec runs to
		 * white space; the shapes' addr-spec holds no ";", so it ends
		 * where the parser's does, and nothing may follow either form. */
		const char *q = p;
		while (q < end && (*q == ' ' || *q == '\t'))
			q++;
		if (q == end)
			return 1;
		if (options & SIFT_ADDR_NO_PARAMS)
			return 0;
		switch (fast_param(&p)) {
		case FAST_TAG:
		case FAST_CONTACT:
		case FAST_GENERIC:
			break;
		case FAST_CONTACT_OTHER:
			/* q, expires... with a value the parser checks only with
			 * SIFT_ADDR_CONTACT; elsewhere a generic-param. */
			if (options & SIFT_ADDR_CONTACT)
				return 0;
			break;
		default:
			return 0;
		}
	}
}
