// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Liaison",
  platforms: [.macOS(.v14)],
  products: [
    .library(name: "LiaisonMerge", targets: ["LiaisonMerge"]),
    .library(name: "LiaisonCodec", targets: ["LiaisonCodec"]),
    .library(name: "LiaisonTestKit", targets: ["LiaisonTestKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
  ],
  targets: [
    // The pure, deterministic merge core: no I/O, no clocks, no randomness.
    .target(name: "LiaisonMerge"),
    // JSON and canonical encoding of merge-core values, with validation at the edge.
    .target(name: "LiaisonCodec", dependencies: ["LiaisonMerge"]),
    // The system's libsodium, which checks Ed25519 signatures and keys under the strict rules
    // of `protocol/merge.md` section 12, a quarter faster than BoringSSL's portable code.
    .systemLibrary(
      name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),
    // Keys and signatures: a replica's Ed25519 key, the server's key bindings, and the one
    // rule that says whether a change's signature holds. Pure: no files, no clocks.
    .target(
      name: "LiaisonTrust",
      dependencies: [
        "LiaisonMerge", "LiaisonCodec", "CSodium",
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    // The township's rules (what a push refuses, scope, conflict decisions, a report's
    // version) and the storage contract every backend implements. No SQLite here.
    .target(
      name: "LiaisonTownship",
      dependencies: [
        "LiaisonMerge", "LiaisonCodec", "LiaisonTrust",
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    // A replica persisted in SQLite: report states, the change log, sync checkpoints; and the
    // township's embedded SQLite backend.
    .target(
      name: "LiaisonStore",
      dependencies: [
        "LiaisonMerge", "LiaisonCodec", "LiaisonTownship", "LiaisonTrust",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    // The township's PostgreSQL backend: the storage contract over a shared database, for
    // several `township serve` processes. Apart from LiaisonStore: it needs no SQLite.
    .target(
      name: "LiaisonPostgres",
      dependencies: [
        "LiaisonMerge", "LiaisonCodec", "LiaisonTownship", "LiaisonTrust", "LiaisonStore",
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
      ]
    ),
    // The protocol's wire types: what clients, servers and (later) servers of servers send.
    .target(
      name: "LiaisonWire",
      dependencies: [
        "LiaisonMerge", "LiaisonCodec", "LiaisonTownship", "LiaisonTrust",
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    // TLS for the protocol: the server's key and self-signed certificate, certificate pins,
    // the probe that reads a server's chain, and the client's trust in one pinned certificate.
    .target(
      name: "LiaisonTransport",
      dependencies: [
        "LiaisonWire",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "X509", package: "swift-certificates"),
        .product(name: "SwiftASN1", package: "swift-asn1"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ]
    ),
    // The township office's web console: server-rendered HTML from mustache templates
    // compiled into the binary, sessions, CSRF and the security headers, over any storage.
    .target(
      name: "LiaisonConsole",
      dependencies: [
        "LiaisonMerge", "LiaisonTownship", "LiaisonWire", "LiaisonLocalization",
        "LiaisonPresentation", "LiaisonText",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    // The township server: the sync protocol over HTTP with Hummingbird, over any storage.
    .target(
      name: "LiaisonServer",
      dependencies: [
        "LiaisonMerge", "LiaisonCodec", "LiaisonTownship", "LiaisonWire", "LiaisonTransport",
        "LiaisonConsole",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdCore", package: "hummingbird"),
        .product(name: "HummingbirdTLS", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ]
    ),
    // The device's side of sync: an HTTP client of the protocol and the push-then-pull loop.
    .target(
      name: "LiaisonSync",
      dependencies: [
        "LiaisonMerge", "LiaisonCodec", "LiaisonStore", "LiaisonWire", "LiaisonTransport",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ]
    ),
    // The township command line: init, serve, and the administrator's commands.
    .executableTarget(
      name: "township",
      dependencies: [
        "LiaisonMerge", "LiaisonCodec", "LiaisonStore", "LiaisonServer", "LiaisonSync",
        "LiaisonText", "LiaisonPresentation", "LiaisonTransport", "LiaisonWire", "LiaisonPostgres",
        "LiaisonLocalization", "LiaisonCommandLine",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    // The string catalogues, one per language, and the choice of language from a locale or a
    // browser's Accept-Language: every sentence people read in either command line or the
    // console comes from here.
    .target(name: "LiaisonLocalization"),
    // Display width, terminal tables and CSV, for command lines that show Chinese text.
    .target(name: "LiaisonText"),
    // How reports read on a terminal, in JSON and in exports: shared by both command lines
    // and by the server's administrator endpoints, so they show reports the same way.
    .target(
      name: "LiaisonPresentation",
      dependencies: [
        "LiaisonMerge", "LiaisonCodec", "LiaisonStore", "LiaisonText", "LiaisonWire",
        "LiaisonLocalization",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // What both command lines share: their language, their errors in it, and the entry point
    // that prints them.
    .target(
      name: "LiaisonCommandLine",
      dependencies: [
        "LiaisonMerge", "LiaisonStore", "LiaisonSync", "LiaisonText", "LiaisonTownship",
        "LiaisonWire", "LiaisonLocalization",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // The field device's command line.
    .executableTarget(
      name: "liaison",
      dependencies: [
        "LiaisonMerge", "LiaisonCodec", "LiaisonStore", "LiaisonText", "LiaisonSync",
        "LiaisonPresentation", "LiaisonTransport", "LiaisonWire", "LiaisonLocalization",
        "LiaisonCommandLine",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Seeded generators, schedules and property checks shared by tests and tools.
    .target(
      name: "LiaisonTestKit", dependencies: ["LiaisonMerge", "LiaisonCodec", "LiaisonTrust"]),
    // Imports Testing, so only test targets depend on it; the tools link LiaisonTestKit.
    .target(name: "LiaisonTestScratch"),
    // The tests' PostgreSQL server ($LIAISON_TEST_POSTGRES_URL) and each test's own database
    // on it; imports Testing, so only test targets depend on it.
    .target(name: "LiaisonPostgresTesting", dependencies: ["LiaisonPostgres", "LiaisonTownship"]),
    .executableTarget(
      name: "liaison-merge-bench",
      dependencies: [
        "LiaisonMerge", "LiaisonCodec", "LiaisonTestKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "tools/merge-benchmark",
      exclude: ["run.sh"]
    ),
    .executableTarget(
      name: "liaison-store-bench",
      dependencies: [
        "LiaisonMerge", "LiaisonStore", "LiaisonTestKit",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "tools/store-benchmark",
      exclude: ["run.sh"]
    ),
    .executableTarget(
      name: "liaison-sync-bench",
      dependencies: [
        "LiaisonMerge", "LiaisonCodec", "LiaisonStore", "LiaisonSync", "LiaisonTestKit",
        "LiaisonTransport", "LiaisonWire", "LiaisonPostgres", "LiaisonTrust",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      path: "tools/sync-benchmark",
      exclude: ["run.sh", "row-size.py"]
    ),
    .executableTarget(
      name: "liaison-properties",
      dependencies: [
        "LiaisonMerge", "LiaisonTestKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "tools/merge-properties"
    ),
    .executableTarget(
      name: "liaison-vectors",
      dependencies: [
        "LiaisonCodec", "LiaisonTestKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "tools/vectors",
      exclude: ["signature_vectors.py"]
    ),
    // The fault simulator's engine: a fault-injecting proxy, the real server, simulated devices
    // and the checks of every promise, shared by the `liaison-simulator` tool and the tests.
    .target(
      name: "LiaisonSimulation",
      dependencies: [
        "LiaisonMerge", "LiaisonCodec", "LiaisonStore", "LiaisonSync", "LiaisonTestKit",
        "LiaisonTransport", "LiaisonWire", "LiaisonPostgres", "LiaisonTownship",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
      ]
    ),
    .executableTarget(
      name: "liaison-simulator",
      dependencies: [
        "LiaisonSimulation",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "tools/fault-simulator"
    ),
    .testTarget(
      name: "LiaisonSimulationTests",
      dependencies: [
        "LiaisonSimulation", "township", "LiaisonStore", "LiaisonTestKit", "LiaisonPostgresTesting",
      ]
    ),
    .testTarget(name: "LiaisonMergeTests", dependencies: ["LiaisonMerge", "LiaisonTestKit"]),
    .testTarget(
      name: "LiaisonStoreTests",
      dependencies: [
        "LiaisonStore", "LiaisonMerge", "LiaisonTestKit", "LiaisonTestScratch",
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(name: "LiaisonTextTests", dependencies: ["LiaisonText"]),
    .testTarget(name: "LiaisonLocalizationTests", dependencies: ["LiaisonLocalization"]),
    .testTarget(
      name: "LiaisonCommandLineTests",
      dependencies: [
        "LiaisonCommandLine", "LiaisonLocalization", "LiaisonMerge", "LiaisonStore", "LiaisonSync",
        "LiaisonText", "LiaisonTownship", "LiaisonWire",
      ]),
    .testTarget(
      name: "LiaisonWireTests",
      dependencies: [
        "LiaisonWire", "LiaisonTownship", "LiaisonCodec", "LiaisonMerge", "LiaisonTestKit",
      ]),
    // The storage conformance suite: every TownshipStorage backend runs the same tests.
    .testTarget(
      name: "LiaisonTownshipTests",
      dependencies: [
        "LiaisonTownship", "LiaisonStore", "LiaisonMerge", "LiaisonCodec", "LiaisonTestKit",
        "LiaisonTestScratch", "LiaisonPostgres", "LiaisonPostgresTesting",
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ]
    ),
    .testTarget(
      name: "LiaisonServerTests",
      dependencies: [
        "LiaisonServer", "LiaisonStore", "LiaisonMerge", "LiaisonCodec", "LiaisonTestKit",
        "LiaisonTestScratch", "LiaisonSync", "LiaisonWire", "LiaisonPostgres",
        "LiaisonPostgresTesting",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "HummingbirdTesting", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .testTarget(
      name: "LiaisonCLITests",
      dependencies: [
        "liaison", "township", "LiaisonStore", "LiaisonMerge", "LiaisonCodec", "LiaisonText",
        "LiaisonTestKit", "LiaisonTestScratch", "LiaisonPostgresTesting",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    .testTarget(
      name: "LiaisonTransportTests",
      dependencies: [
        "LiaisonTransport", "LiaisonWire", "LiaisonTestScratch",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdCore", package: "hummingbird"),
        .product(name: "HummingbirdTesting", package: "hummingbird"),
        .product(name: "HummingbirdTLS", package: "hummingbird"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "X509", package: "swift-certificates"),
      ]
    ),
    .testTarget(
      name: "LiaisonCodecTests",
      dependencies: ["LiaisonMerge", "LiaisonCodec", "LiaisonTestKit"]
    ),
  ]
)
