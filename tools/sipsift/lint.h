/* tools/sipsift/lint.h - the lint command (siplint, sipsift lint). */
#ifndef SIPSIFT_TOOL_LINT_H
#define SIPSIFT_TOOL_LINT_H

/* Runs `siplint [options] INPUT...` with argv[0] the command name.
 * Returns the exit status: 0 clean, 1 findings at or above --fail-on,
 * 2 bad usage or unreadable input. */
int tool_lint(int argc, char **argv);

#endif
