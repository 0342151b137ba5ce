/* tools/sipsift/uri_compare.h - the uri-compare command. */
#ifndef SIPSIFT_TOOL_URI_COMPARE_H
#define SIPSIFT_TOOL_URI_COMPARE_H

/* Runs `sipsift uri-compare [--strict] [--sips-as-sip] A B` with argv[0]
 * the command name. Prints "equal" or "different" and returns 0 or 1;
 * returns 2 on bad usage or when a URI does not parse (the message on
 * standard error names the argument, the offset and the ABNF rule). */
int tool_uri_compare(int argc, char **argv);

#endif
