#!/usr/bin/env python3
"""Writes protocol/vectors/signature-*.json from the specification alone, with the
`cryptography` package's Ed25519 (OpenSSL), not with Liaison's code: `swift test` then checks
that Liaison's canonical bytes and signatures agree with this second implementation.

    pip install cryptography && python3 tools/vectors/signature_vectors.py
"""
import base64
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
