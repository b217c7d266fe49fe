// libsodium, from the system (Debian's libsodium-dev): LiaisonTrust checks Ed25519
// signatures and keys with it (see PublicSigningKey.swift).
#include <sodium.h>
