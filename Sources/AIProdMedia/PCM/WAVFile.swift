import Foundation

/// Writes interleaved float samples as a 32-bit float WAV, atomically: what the narrator and the
/// composer hand to the renderer (lossless, and read by libav like any other file).
public enum WAVFile {
    public static func write(_ samples: [Float], channels: Int, sampleRate: Int = 48_000, to path: String) throws(MediaError) {
        precondition(channels > 0 && samples.count % channels == 0, "interleaved samples must fill whole frames")
        var data = Data(capacity: 44 + samples.count * 4)
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        let payload = UInt32(samples.count * 4)
        data.append(contentsOf: Array("RIFF".utf8)); append(UInt32(36) + payload)
        data.append(contentsOf: Array("WAVE".utf8))
        data.append(contentsOf: Array("fmt ".utf8)); append(UInt32(16))
        append(UInt16(3))  // IEEE float
        append(UInt16(channels)); append(UInt32(sampleRate))
        append(UInt32(sampleRate * channels * 4)); append(UInt16(channels * 4)); append(UInt16(32))
        data.append(contentsOf: Array("data".utf8)); append(payload)
        samples.withUnsafeBufferPointer { buffer in
            data.append(UnsafeBufferPointer(start: UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: UInt8.self), count: buffer.count * 4))
        }
        try AtomicOutput.write(data, to: path)
    }
}
