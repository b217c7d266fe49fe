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
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    // The pure, deterministic merge core: no I/O, no clocks, no randomness.
    .target(name: "LiaisonMerge"),
    // JSON and canonical encoding of merge-core values, with validation at the edge.
    .target(name: "LiaisonCodec", dependencies: ["LiaisonMerge"]),
    // Seeded generators, schedules and property checks shared by tests and tools.
    .target(name: "LiaisonTestKit", dependencies: ["LiaisonMerge", "LiaisonCodec"]),
    .executableTarget(
      name: "liaison-merge-bench",
      dependencies: [
        "LiaisonMerge", "LiaisonCodec", "LiaisonTestKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "tools/merge-benchmark"
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
      path: "tools/vectors"
    ),
    .testTarget(name: "LiaisonMergeTests", dependencies: ["LiaisonMerge", "LiaisonTestKit"]),
    .testTarget(
      name: "LiaisonCodecTests",
      dependencies: ["LiaisonMerge", "LiaisonCodec", "LiaisonTestKit"]
    ),
  ]
)
