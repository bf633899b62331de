import AIProdStore
import AIProdTestSupport
import Foundation
import Testing

@Suite("Assets: the folder and the index")
struct AssetTests {
    static func hex(_ data: Data) -> String {
        ContentHasher.sha256Hex(data)
    }

    @Test("a temp file is adopted under root/ab/<sha256>, idempotently, and removed")
    func folder() throws {
        let scratch = ScratchDirectory()
        let folder = AssetFolder(root: scratch.file("assets"))
        let content = Data("picture bytes".utf8)
        let id = Self.hex(content)
        let temp = scratch.write("picture bytes", to: "tmp/upload-1.partial")
        let stored = try folder.adopt(tempFile: temp, sha256: id)
        #expect(stored == scratch.file("assets/\(id.prefix(2))/\(id)"))
        #expect(folder.path(for: id) == stored)
        #expect(try Data(contentsOf: URL(fileURLWithPath: stored)) == content)
        #expect(!FileManager.default.fileExists(atPath: temp))

        // The same upload again: kept once, the temp file cleaned up.
        let temp2 = scratch.write("picture bytes", to: "tmp/upload-2.partial")
        #expect(try folder.adopt(tempFile: temp2, sha256: id) == stored)
        #expect(!FileManager.default.fileExists(atPath: temp2))
        #expect(folder.contains(id))
        folder.remove(id)
        #expect(!folder.contains(id))
    }

    @Test("the content hash is SHA-256 in lowercase hex, streamed or whole")
    func hashing() throws {
        let scratch = ScratchDirectory()
        // SHA-256("abc"), FIPS 180-2.
        #expect(ContentHasher.sha256Hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        var streamed = ContentHasher()
        streamed.update(Data("a".utf8))
        streamed.update(Data("bc".utf8))
        #expect(streamed.hexDigest() == ContentHasher.sha256Hex(Data("abc".utf8)))
        let path = scratch.write("abc", to: "f.bin")
        #expect(try ContentHasher.sha256Hex(ofFile: path) == ContentHasher.sha256Hex(Data("abc".utf8)))
        #expect(AssetFolder.isValidID(ContentHasher.sha256Hex(Data())))
    }

    @Test("ids that are not 64 lowercase hex digits are invalid_value, never a path")
    func invalidIDs() throws {
        let scratch = ScratchDirectory()
        let folder = AssetFolder(root: scratch.file("assets"))
        let temp = scratch.write("x", to: "tmp/x.partial")
        let outside = scratch.write("keep me", to: "outside.txt")
        for bad in ["../outside.txt", "", String(repeating: "A", count: 64), String(repeating: "a", count: 63), String(repeating: "g", count: 64),
                    "../../" + String(repeating: "a", count: 58), String(repeating: "a", count: 63) + "/"] {
            #expect(!AssetFolder.isValidID(bad))
            #expect { try folder.adopt(tempFile: temp, sha256: bad) } throws: { ($0 as? StoreError)?.code == .invalidValue }
            #expect { try folder.checkedPath(for: bad) } throws: { ($0 as? StoreError)?.code == .invalidValue }
            #expect(folder.path(for: bad).hasPrefix(scratch.file("assets") + "/"))
            #expect(!folder.path(for: bad).contains(".."))
            folder.remove(bad)
        }
        #expect(FileManager.default.fileExists(atPath: outside))
        #expect(FileManager.default.fileExists(atPath: temp))
    }

    @Test("the index: add (same id keeps the first row), get, page, delete")
    func index() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        var ids: [String] = []
        for index in 0..<5 {
            let id = Self.hex(Data("asset \(index)".utf8))
            ids.append(id)
            let added = try store.addAsset(AssetRecord(id: id, name: "a\(index).png", tags: ["t\(index)", "x"], kind: .image, bytes: Int64(index * 10), createdAt: t0.addingTimeInterval(Double(index))))
            #expect(added.name == "a\(index).png")
        }
        let again = try store.addAsset(AssetRecord(id: ids[0], name: "renamed.png", tags: [], kind: .video, bytes: 0, createdAt: t0.addingTimeInterval(100)))
        #expect(again.name == "a0.png")
        #expect(again.tags == ["t0", "x"])
        #expect(again.kind == .image)

        let one = try store.asset(ids[3])
        #expect(one == AssetRecord(id: ids[3], name: "a3.png", tags: ["t3", "x"], kind: .image, bytes: 30, createdAt: t0.addingTimeInterval(3)))

        let first = try store.assets(limit: 2, cursor: nil)
        #expect(first.map(\.id) == [ids[4], ids[3]])
        let second = try store.assets(limit: 2, cursor: first.last?.id)
        #expect(second.map(\.id) == [ids[2], ids[1]])
        let last = try store.assets(limit: 2, cursor: second.last?.id)
        #expect(last.map(\.id) == [ids[0]])

        try store.deleteAsset(ids[2])
        #expect { try store.asset(ids[2]) } throws: { ($0 as? StoreError)?.code == .notFound }
        #expect { try store.deleteAsset(ids[2]) } throws: { ($0 as? StoreError)?.code == .notFound }
        #expect { try store.asset("../etc/passwd") } throws: { ($0 as? StoreError)?.code == .invalidValue }
        #expect { try store.addAsset(AssetRecord(id: "nothex", name: "n", tags: [], kind: .audio, bytes: 1, createdAt: t0)) } throws: {
            ($0 as? StoreError)?.code == .invalidValue
        }
    }
}
