/* sipsift/sipsift.h - the whole public API of libsipsift. */
#ifndef SIPSIFT_H
#define SIPSIFT_H
#include "sipsift/span.h"
#include "sipsift/headers.h"
#include "sipsift/uri.h"
#include "sipsift/hdr.h"
#include "sipsift/auth.h"
#include "sipsift/fields.h"
#include "sipsift/body.h"
#include "sipsift/addr.h"
#include "sipsift/event.h"
#include "sipsift/session.h"
#include "sipsift/msg.h"
#include "sipsift/check.h"
#endif
