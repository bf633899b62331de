@testable import AIProdProviders
import Testing

/// The sizes asked of each API for a preset's frame, and the magic numbers pictures are told by.
@Suite struct ImageSizeTests {
    @Test(arguments: [
        (1920, 1080, 1536, 896), (1080, 1920, 896, 1536), (1080, 1080, 1088, 1088), (1280, 720, 1280, 704),
        (640, 360, 640, 384), (70, 60, 128, 64), (60, 70, 64, 128), (1536, 1530, 1536, 1472), (4000, 10, 1536, 64),
    ])
    func steppedSizesAreMultiplesOf64KeepingTheOrientation(width: Int, height: Int, expectedWidth: Int, expectedHeight: Int) {
        let size = ImageSize.stepped(width: width, height: height)
        #expect(size.width == expectedWidth && size.height == expectedHeight)
        #expect(size.width % 64 == 0 && size.height % 64 == 0 && max(size.width, size.height) <= 1536)
        #expect((size.width > size.height) == (width > height) && (size.width < size.height) == (width < height))
    }

    @Test func openAISizesAreTheAPIsFixedOnes() {
        #expect(ImageSize.openAI(model: "dall-e-3", width: 1920, height: 1080).text == "1792x1024")
        #expect(ImageSize.openAI(model: "dall-e-3", width: 1080, height: 1920).text == "1024x1792")
        #expect(ImageSize.openAI(model: "gpt-image-1", width: 1920, height: 1080).text == "1536x1024")
        #expect(ImageSize.openAI(model: "dall-e-2", width: 1920, height: 1080).text == "1024x1024")
    }

    @Test func picturesAreToldByTheirFirstBytes() {
        let tail = [UInt8](repeating: 0, count: 40)
        #expect(PictureFormat(magic: .init([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + tail)) == .png)
        #expect(PictureFormat(magic: .init([0xFF, 0xD8, 0xFF, 0xE0] + tail)) == .jpeg)
        #expect(PictureFormat(magic: .init(Array("RIFF".utf8) + [1, 2, 3, 4] + Array("WEBP".utf8) + tail)) == .webp)
        #expect(PictureFormat(magic: .init(Array("RIFF".utf8) + [1, 2, 3, 4] + Array("WAVE".utf8) + tail)) == nil)
        #expect(PictureFormat(magic: .init(Array("<html><body>error</body></html>".utf8) + tail)) == nil)
        #expect(PictureFormat(magic: .init([0xFF, 0xD8, 0xFF])) == nil)
    }

    @Test func longPromptsAreCutAtAWord() {
        let prompt = String(repeating: "word ", count: 300)
        let cut = PromptText.limited(prompt, maxCharacters: 1_000)
        #expect(cut.count <= 1_000 && cut.hasSuffix("word"))
        #expect(PromptText.limited("  short  ", maxCharacters: 1_000) == "short")
    }
}
