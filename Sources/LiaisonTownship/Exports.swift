// Every rule here that involves a signature speaks of `LiaisonTrust`'s keys and bindings.
@_exported import LiaisonTrust
