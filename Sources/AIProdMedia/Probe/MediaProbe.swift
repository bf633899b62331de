import AIProdCore
import CFFmpeg
import Foundation

/// Reads a media file's container and streams; optionally decodes every frame (to count them
/// and find damage) and measures loudness.
public struct MediaProbe: Sendable {
    public var decode: Bool
    public var measureLoudness: Bool
    /// Bounds checked from the headers before anything is decoded.
    public var limits: MediaLimits

    public init(decode: Bool = false, measureLoudness: Bool = true, limits: MediaLimits = MediaLimits()) {
        self.decode = decode
        self.measureLoudness = measureLoudness
        self.limits = limits
    }

    public func probe(_ path: String) throws(MediaError) -> ProbeResult {
        let input = try InputFile(path: path, limits: limits)
        let context = input.context.pointee
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        var streams: [StreamInfo] = []
        for index in 0..<input.streamCount {
            streams.append(Self.describe(input.stream(index), index: index))
        }
        var result = ProbeResult(
            path: path, format: LibAV.string(context.iformat.pointee.name) ?? "?",
            formatLongName: LibAV.string(context.iformat.pointee.long_name), durationSeconds: input.duration,
            sizeBytes: size, bitRate: context.bit_rate > 0 ? context.bit_rate : nil, streams: streams)
        if decode {
            result.decodeError = Self.decodeAll(path: path, limits: limits, into: &result.streams)
        }
        if measureLoudness, input.bestStream(AVMEDIA_TYPE_AUDIO) != nil {
            result.loudness = try LoudnessMeter.measure(path: path, limits: limits).0
        }
        return result
    }

    private static func describe(_ stream: UnsafeMutablePointer<AVStream>, index: Int) -> StreamInfo {
        let parameters = stream.pointee.codecpar.pointee
        let type = LibAV.string(av_get_media_type_string(parameters.codec_type)) ?? "unknown"
        let timeBase = stream.pointee.time_base
        var info = StreamInfo(index: index, type: type, codec: LibAV.string(avcodec_get_name(parameters.codec_id)) ?? "?")
        info.profile = LibAV.string(avcodec_profile_name(parameters.codec_id, parameters.profile))
        if stream.pointee.duration != LibAV.noPTS, stream.pointee.duration > 0, timeBase.num > 0, timeBase.den > 0 {
            info.durationSeconds = Double(stream.pointee.duration) * Double(timeBase.num) / Double(timeBase.den)
        }
        info.frames = stream.pointee.nb_frames > 0 ? stream.pointee.nb_frames : nil
        info.bitRate = parameters.bit_rate > 0 ? parameters.bit_rate : nil
        if parameters.codec_type == AVMEDIA_TYPE_VIDEO {
            info.width = Int(parameters.width)
            info.height = Int(parameters.height)
            info.pixelFormat = LibAV.string(av_get_pix_fmt_name(AVPixelFormat(rawValue: parameters.format)))
            let rate = stream.pointee.avg_frame_rate
            if rate.num > 0 { info.frameRate = "\(rate.num)/\(rate.den)" }
        } else if parameters.codec_type == AVMEDIA_TYPE_AUDIO {
            info.sampleRate = Int(parameters.sample_rate)
            info.channels = Int(parameters.ch_layout.nb_channels)
            info.sampleFormat = LibAV.string(av_get_sample_fmt_name(AVSampleFormat(rawValue: parameters.format)))
        }
        return info
    }

    /// Decodes the best video and audio streams to the end; fills frame and sample counts.
    private static func decodeAll(path: String, limits: MediaLimits, into streams: inout [StreamInfo]) -> String? {
        for type in [AVMEDIA_TYPE_VIDEO, AVMEDIA_TYPE_AUDIO] {
            do {
                let input = try InputFile(path: path, limits: limits)
                guard let index = input.bestStream(type) else { continue }
                let decoder = try StreamDecoder(input: input, streamIndex: index, threads: type == AVMEDIA_TYPE_VIDEO ? 0 : 1)
                let frame = Frame()
                var frames: Int64 = 0, samples: Int64 = 0
                while try decoder.next(into: frame) {
                    frames += 1
                    samples += Int64(frame.pointer.pointee.nb_samples)
                    if frame.pointer.pointee.decode_error_flags != 0 || frame.pointer.pointee.flags & AV_FRAME_FLAG_CORRUPT != 0 {
                        return "corrupt frame \(frames) in stream \(index)"
                    }
                }
                if type == AVMEDIA_TYPE_VIDEO { streams[index].frames = frames } else { streams[index].decodedSamples = samples }
            } catch {
                return error.description
            }
        }
        return nil
    }
}
