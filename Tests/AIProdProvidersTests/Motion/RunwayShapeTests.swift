@testable import AIProdProviders
import Testing

/// The ratio and duration asked of Runway: allowed values only, nearest the frame, covering the scene.
@Suite struct RunwayShapeTests {
    @Test(arguments: [
        ("gen4_turbo", 1920, 1080, 3.0, "1280:720", 5), ("gen4_turbo", 1080, 1920, 5.0, "720:1280", 5),
        ("gen4_turbo", 1080, 1080, 5.01, "960:960", 10), ("gen4_turbo", 1440, 1080, 12.0, "1104:832", 10),
        ("gen4_turbo", 2560, 1080, 1.0, "1584:672", 5), ("gen3a_turbo", 1920, 1080, 4.0, "1280:768", 5),
        ("gen3a_turbo", 1080, 1080, 4.0, "1280:768", 5),
    ])
    func ratiosAndDurationsAreRunwaysAllowedOnes(model: String, width: Int, height: Int, seconds: Double, ratio: String, duration: Int) {
        let shape = RunwayShape(model: model, width: width, height: height, seconds: seconds)
        #expect(shape.ratio == ratio && shape.duration == duration)
    }

    @Test func videosAreToldByTheirFirstBytes() {
        let tail = [UInt8](repeating: 0, count: 80)
        #expect(VideoFormat(magic: .init([0, 0, 0, 0x20] + Array("ftypisom".utf8) + tail)) == .mp4)
        #expect(VideoFormat(magic: .init([0x1A, 0x45, 0xDF, 0xA3] + tail)) == .webm)
        #expect(VideoFormat(magic: .init(Array("<html>".utf8) + tail)) == nil)
        #expect(VideoFormat(magic: .init([0, 0, 0, 0x20] + Array("ftyp".utf8))) == nil)
    }
}
