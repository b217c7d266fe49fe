#!/usr/bin/env python3
"""Writes protocol/vectors/signature-*.json from the specification alone, with the
`cryptography` package's Ed25519 (OpenSSL), not with Liaison's code: `swift test` then checks
that Liaison's canonical bytes and signatures agree with this second implementation.

    pip install cryptography && python3 tools/vectors/signature_vectors.py
"""
import base64
import hashlib
import json
import pathlib

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

OUT = pathlib.Path(__file__).resolve().parents[2] / "protocol" / "vectors"


def canonical(value):
    # merge.md section 10: members sorted by the UTF-8 bytes of their names, no white space,
    # strings as UTF-8 with only the escapes JSON requires. These inputs need none.
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def key(byte):
    return Ed25519PrivateKey.from_private_bytes(bytes([byte]) * 32)


def public(private):
    from cryptography.hazmat.primitives import serialization as s
    raw = private.public_key().public_bytes(s.Encoding.Raw, s.PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def b64(data):
    return base64.b64encode(data).decode()


A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
SERVER = "5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e"
CHANGE = {
    "author": "李伟",
    "dot": [A, 1],
    "fields": {
        "category": {"seen": {}, "value": "dispute"},
        "title": {"seen": {}, "value": "水渠纠纷"},
        "village": {"seen": {}, "value": "东村"},
    },
    "note": "两户争用水渠",
    "report": "00000000-0000-4000-8000-000000000001",
    "time": 1772323200000,
}


def signed(document, private):
    message = canonical(document)
    return dict(document, signature=b64(private.sign(message))), message


# The order of Ed25519's prime-order subgroup (RFC 8032 section 5.1).
L = 2**252 + 27742317777372353535851937790883648493


def small_order_r(document, seed_byte):
    """A signature whose R is the neutral point (encoded 01 00 ... 00), made to satisfy the
    cofactorless equation [S]B = R + [k]A with S = k * a mod L: a checker that only compares
    [S]B - [k]A with R's bytes accepts it; merge.md section 12 refuses an R of small order."""
    digest = hashlib.sha512(bytes([seed_byte]) * 32).digest()
    scalar = int.from_bytes(digest[:32], "little")
    scalar &= (1 << 254) - 8  # RFC 8032 section 5.1.5: clear the 3 low bits and bit 255,
    scalar |= 1 << 254  # set bit 254.
    message = canonical(document)
    point = bytes([1]) + bytes(31)
    raw_key = base64.b64decode(public(key(seed_byte)))
    k = int.from_bytes(hashlib.sha512(point + raw_key + message).digest(), "little") % L
    forged = point + ((k * scalar) % L).to_bytes(32, "little")
    return dict(document, signature=b64(forged)), message


def write(name, vector):
    path = OUT / f"signature-{name}.json"
    path.write_text(json.dumps(vector, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def main():
    device, other, server = key(1), key(2), key(3)
    change, message = signed(CHANGE, device)
    write("change-valid", {
        "description": "A change signed by its author's key: the signature covers the canonical "
        "bytes of the change without its signature member. Key: the seed of 32 bytes 0x01.",
        "verify": "change", "public_key": public(device), "seed": "01" * 32,
        "input": change, "signed_bytes": message.decode(), "valid": True,
    })
    flipped = json.loads(json.dumps(change))
    flipped["fields"]["title"]["value"] = "水渠纠份"
    write("change-flipped-byte", {
        "description": "The signed change with one character of its title changed after signing: "
        "the signature no longer holds.",
        "verify": "change", "public_key": public(device), "input": flipped,
        "signed_bytes": canonical(CHANGE | {"fields": flipped["fields"]}).decode(), "valid": False,
    })
    forged, _ = signed(CHANGE, other)
    write("change-other-key", {
        "description": "The change signed with another device's key (seed 0x02), checked "
        "against its author's key (seed 0x01): it does not hold.",
        "verify": "change", "public_key": public(device), "input": forged,
        "signed_bytes": message.decode(), "valid": False,
    })
    neutral, _ = small_order_r(CHANGE, 1)
    write("change-small-order-r", {
        "description": "The change with a signature whose R is the neutral point, a point of "
        "small order, and whose S makes [S]B = R + [k]A hold for its author's key: a check "
        "that compares encodings only (BoringSSL's) accepts it, section 12's rules refuse it.",
        "verify": "change", "public_key": public(device), "input": neutral,
        "signed_bytes": message.decode(), "valid": False,
    })
    binding = {"key": public(device), "replica": A, "unsigned_through": 0}
    signed_binding, binding_message = signed(binding, server)
    write("binding-valid", {
        "description": "The server's key binding of replica A to its key, signed with the "
        "server's key (seed 0x03) over the binding's canonical bytes without its signature.",
        "verify": "binding", "public_key": public(server), "seed": "03" * 32,
        "input": signed_binding, "signed_bytes": binding_message.decode(), "valid": True,
    })
    revoked = dict(binding, revoked_after=41)
    signed_revoked, revoked_message = signed(revoked, server)
    write("binding-revoked", {
        "description": "The binding of a revoked device: its changes above counter 41 are "
        "refused wherever they arrive from.",
        "verify": "binding", "public_key": public(server), "seed": "03" * 32,
        "input": signed_revoked, "signed_bytes": revoked_message.decode(), "valid": True,
    })
    swapped = dict(signed_binding, key=public(other))
    write("binding-key-swapped", {
        "description": "The valid binding with another key put in after the server signed it: "
        "the signature does not hold, so a device refuses the binding and the changes it would "
        "vouch for.",
        "verify": "binding", "public_key": public(server), "input": swapped,
        "signed_bytes": canonical(dict(binding, key=public(other))).decode(), "valid": False,
    })


if __name__ == "__main__":
    main()
