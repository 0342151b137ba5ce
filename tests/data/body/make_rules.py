#!/usr/bin/env python3
"""Writes tests/rules/<id>.bad.sip and .good.sip for the message-body lint
rules (src/check/rules_body.c). Multipart bodies need an exact
Content-Length, so it is computed here, never typed by hand.
Run from the source tree: python3 tests/data/body/make_rules.py"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = os.path.join(HERE, "..", "..", "rules")


def crlf(text):
    return text.replace("\r\n", "\n").replace("\n", "\r\n").encode()


def message(headers, body, method="INVITE"):
    """headers: extra header lines (str, no line end); body: bytes."""
    head = [
        f"{method} sip:bob@biloxi.example.com SIP/2.0",
        "Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds",
        "Max-Forwards: 70",
        "To: Bob <sip:bob@biloxi.example.com>",
        "From: Alice <sip:alice@atlanta.example.com>;tag=1928301774",
        "Call-ID: a84b4c76e66710@pc33.atlanta.example.com",
        f"CSeq: 314159 {method}",
        "Contact: <sip:alice@pc33.atlanta.example.com>",
    ] + headers + [f"Content-Length: {len(body)}", "", ""]
    return "\r\n".join(head).encode() + body


def write(rule, kind, data):
    with open(os.path.join(RULES, f"{rule}.{kind}.sip"), "wb") as f:
        f.write(data)


SDP = "v=0\no=alice 2890844526 2890844526 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\nm=audio 49170 RTP/AVP 0\n"
LIST = ('<?xml version="1.0" encoding="UTF-8"?>\n'
        '<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"><list>'
        '<entry uri="sip:bill@example.com"/></list></resource-lists>\n')


def multipart(parts, boundary="boundary1", close=True):
    out = ""
    for headers, content in parts:
        out += f"--{boundary}\n" + "".join(h + "\n" for h in headers) + "\n" + content + "\n"
    if close:
        out += f"--{boundary}--\n"
    return crlf(out)


MIXED = 'Content-Type: multipart/mixed;boundary="boundary1"'
RFC5621_FIG2 = multipart([(["Content-Type: application/sdp"], SDP),
                          (["Content-Type: application/resource-lists+xml",
                            "Content-Disposition: recipient-list"], LIST)])

# rfc5621-multipart-syntax: no close-delimiter (RFC 5621 Figure 2 cut short)
write("rfc5621-multipart-syntax", "bad",
      message([MIXED], multipart([(["Content-Type: application/sdp"], SDP)], close=False)))
write("rfc5621-multipart-syntax", "good", message([MIXED], RFC5621_FIG2))

# rfc5621-part-without-content-type
write("rfc5621-part-without-content-type", "bad",
      message([MIXED], multipart([(["Content-Type: application/sdp"], SDP),
                                  (["Content-Disposition: recipient-list"], LIST)])))
write("rfc5621-part-without-content-type", "good", message([MIXED], RFC5621_FIG2))

# rfc5621-alternative-same-type: two SDP parts with session disposition
ALT = 'Content-Type: multipart/alternative;boundary="boundary1"'
SDP2 = SDP.replace("RTP/AVP 0", "RTP/SAVP 0")
write("rfc5621-alternative-same-type", "bad",
      message([ALT], multipart([(["Content-Type: application/sdp"], SDP),
                                (["Content-Type: application/sdp"], SDP2)])))
write("rfc5621-alternative-same-type", "good",
      message([ALT], multipart([(["Content-Type: application/sdp"], SDP),
                                (["Content-Type: application/x-private-sdp"], SDP2)])))

# rfc5621-alternative-disposition
write("rfc5621-alternative-disposition", "bad",
      message([ALT, "Content-Disposition: session"],
              multipart([(["Content-Type: application/sdp", "Content-Disposition: session"], SDP),
                         (["Content-Type: text/plain", "Content-Disposition: render"], "call me\n")])))
write("rfc5621-alternative-disposition", "good",
      message([ALT, "Content-Disposition: session"],
              multipart([(["Content-Type: application/sdp", "Content-Disposition: session"], SDP),
                         (["Content-Type: application/x-private-sdp", "Content-Disposition: session"],
                          SDP2)])))

# rfc5621-backward-reference: the second part points back at the first
REL = 'Content-Type: multipart/related;boundary="boundary1"'
write("rfc5621-backward-reference", "bad",
      message([REL], multipart([(["Content-Type: image/png", "Content-ID: <icon1@atlanta.example.com>"],
                                 "PNG"),
                                (["Content-Type: application/sdp"],
                                 SDP + "a=file-icon:cid:icon1@atlanta.example.com\n")])))
write("rfc5621-backward-reference", "good",
      message([REL], multipart([(["Content-Type: application/sdp"],
                                 SDP + "a=file-icon:cid:icon1@atlanta.example.com\n"),
                                (["Content-Type: image/png", "Content-ID: <icon1@atlanta.example.com>"],
                                 "PNG")])))

# rfc8262-content-id-duplicate (RFC 8262 3.3 REFER example, the id twice)
REFER_HEADERS = ["Refer-To: <cid:cn35t8jf02@example.com>", "Require: multiple-refer, norefersub",
                 'Content-Type: multipart/mixed; boundary=boundary1']
write("rfc8262-content-id-duplicate", "bad",
      message(REFER_HEADERS,
              multipart([(["Content-Type: application/resource-lists+xml",
                           "Content-Disposition: recipient-list",
                           "Content-ID: <cn35t8jf02@example.com>"], LIST),
                         (["Content-Type: text/plain", "Content-ID: <cn35t8jf02@example.com>"],
                          "note\n")]), "REFER"))
write("rfc8262-content-id-duplicate", "good",
      message(REFER_HEADERS,
              multipart([(["Content-Type: application/resource-lists+xml",
                           "Content-Disposition: recipient-list",
                           "Content-ID: <cn35t8jf02@example.com>"], LIST),
                         (["Content-Type: text/plain", "Content-ID: <note1@example.com>"],
                          "note\n")]), "REFER"))

# rfc8262-cid-unresolved: Refer-To names a Content-ID no part has
write("rfc8262-cid-unresolved", "bad",
      message(REFER_HEADERS,
              multipart([(["Content-Type: application/resource-lists+xml",
                           "Content-Disposition: recipient-list",
                           "Content-ID: <other@example.com>"], LIST)]), "REFER"))
write("rfc8262-cid-unresolved", "good",
      message(REFER_HEADERS,
              multipart([(["Content-Type: application/resource-lists+xml",
                           "Content-Disposition: recipient-list",
                           "Content-ID: <cn35t8jf02@example.com>"], LIST)]), "REFER"))

# S/MIME: the DER fixtures of make_smime.sh as message bodies
def der(name):
    with open(os.path.join(HERE, name), "rb") as f:
        return f.read()

write("rfc5751-smime-type-missing", "bad",
      message(["Content-Type: application/pkcs7-mime; name=smime.p7m",
               "Content-Disposition: attachment;handling=required;filename=smime.p7m"],
              der("enveloped-aes128.der"), "MESSAGE"))
write("rfc5751-smime-type-missing", "good",
      message(["Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m",
               "Content-Disposition: attachment;handling=required;filename=smime.p7m"],
              der("enveloped-aes128.der"), "MESSAGE"))
write("rfc8591-smime-3des", "bad",
      message(["Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m"],
              der("enveloped-des3.der"), "MESSAGE"))
write("rfc8591-smime-3des", "good",
      message(["Content-Type: application/pkcs7-mime; smime-type=auth-enveloped-data; name=smime.p7m"],
              der("enveloped-aes-128-gcm.der"), "MESSAGE"))

SIGNED_PARTS = [(["Content-Type: text/plain"], "hello\n"),
                (["Content-Type: application/pkcs7-signature; name=smime.p7s",
                  "Content-Transfer-Encoding: binary",
                  "Content-Disposition: attachment; handling=required; filename=smime.p7s"],
                 "SIGNATURE")]
write("rfc5751-multipart-signed-params", "bad",
      message(['Content-Type: multipart/signed; protocol="application/pkcs7-signature"; boundary=boundary1'],
              multipart(SIGNED_PARTS), "MESSAGE"))
write("rfc5751-multipart-signed-params", "good",
      message(['Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256; boundary=boundary1'],
              multipart(SIGNED_PARTS), "MESSAGE"))
