import AIProdCore
import CFFmpeg

/// Checks of ``MediaLimits`` against what a container and its streams declare (`codecpar`,
/// durations), made right after opening, before any decoder or buffer is sized from them.
/// Each refusal names the limit and its key in `[limits]`.
extension MediaLimits {
    /// Largest picture a decoder may allocate for a stream (`max_pixels`), so a header that lies
    /// about its size cannot make the decoder allocate more than the limits allow.
    func maxPixels(image: Bool) -> Int64 {
        image ? Int64(maxImageMegapixels) * 1_000_000 : Int64(maxVideoWidth) * Int64(maxVideoHeight)
    }

    func checkStreamCount(_ count: Int, file: String) throws(MediaError) {
        if count > maxStreams {
            throw MediaError(.overLimit, file: file, "\(count) streams is over the limit of \(maxStreams) (max_streams in [limits])")
        }
    }

    /// Checks every stream of an opened file. Pictures of an image demuxer and attached
    /// pictures (cover art) are images; other pictures are video.
    func check(_ context: UnsafeMutablePointer<AVFormatContext>, file: String) throws(MediaError) {
        let streamCount = Int(context.pointee.nb_streams)
        try checkStreamCount(streamCount, file: file)
        let demuxer = LibAV.string(context.pointee.iformat.pointee.name) ?? ""
        let imageDemuxer = DemuxerAllowlist.isImage(demuxer)
        let containerSeconds: Double? = context.pointee.duration != LibAV.noPTS && context.pointee.duration > 0
            ? Double(context.pointee.duration) / Double(AV_TIME_BASE) : nil
        for index in 0..<streamCount {
            guard let stream = context.pointee.streams[index], let parameters = stream.pointee.codecpar else { continue }
            let seconds = Self.seconds(of: stream.pointee) ?? containerSeconds
            switch parameters.pointee.codec_type {
            case AVMEDIA_TYPE_VIDEO:
                let image = imageDemuxer || stream.pointee.disposition & AV_DISPOSITION_ATTACHED_PIC != 0
                try checkPicture(width: Int(parameters.pointee.width), height: Int(parameters.pointee.height),
                                 image: image, required: imageDemuxer, file: file)
                if !image, let seconds, seconds > Double(maxVideoSeconds) {
                    throw MediaError(.overLimit, file: file, "the video lasts \(Int(seconds)) s, over the limit of \(maxVideoSeconds) s (max_video_seconds in [limits])")
                }
            case AVMEDIA_TYPE_AUDIO:
                try checkAudio(sampleRate: Int(parameters.pointee.sample_rate), channels: Int(parameters.pointee.ch_layout.nb_channels),
                               file: file, stream: index)
                if let seconds, seconds > Double(maxAudioSeconds) {
                    throw MediaError(.overLimit, file: file, "the audio lasts \(Int(seconds)) s, over the limit of \(maxAudioSeconds) s (max_audio_seconds in [limits])")
                }
            default:
                continue
            }
        }
    }

    /// A picture's declared size. `required`: an image whose size is unknown after the header
    /// was read (its decoder refused it at `max_pixels`, or it is damaged) is refused too.
    func checkPicture(width: Int, height: Int, image: Bool, required: Bool, file: String) throws(MediaError) {
        guard width > 0, height > 0 else {
            guard required else { return }
            // The decoder refused the header at `max_pixels`, or it is damaged: a PNG's size is
            // read here to say which.
            if let (declaredWidth, declaredHeight) = PNGHeader.size(ofFile: file), declaredWidth > 0, declaredHeight > 0 {
                try checkPicture(width: declaredWidth, height: declaredHeight, image: true, required: false, file: file)
            }
            throw MediaError(.notMedia, file: file, "no picture size could be read: the file is damaged, or its picture is over the image limit of \(maxImageMegapixels) megapixels (max_image_megapixels in [limits])")
        }
        if image {
            if width > maxImageWidth {
                throw MediaError(.overLimit, file: file, "\(width)x\(height) is over the image limit of \(maxImageWidth) pixels wide (max_image_width in [limits])")
            }
            if height > maxImageHeight {
                throw MediaError(.overLimit, file: file, "\(width)x\(height) is over the image limit of \(maxImageHeight) pixels high (max_image_height in [limits])")
            }
            if !allowsImage(width: width, height: height) {
                throw MediaError(.overLimit, file: file, "\(width)x\(height) is over the image limit of \(maxImageMegapixels) megapixels (max_image_megapixels in [limits])")
            }
        } else {
            if width > maxVideoWidth {
                throw MediaError(.overLimit, file: file, "\(width)x\(height) is over the video limit of \(maxVideoWidth) pixels wide (max_video_width in [limits])")
            }
            if height > maxVideoHeight {
                throw MediaError(.overLimit, file: file, "\(width)x\(height) is over the video limit of \(maxVideoHeight) pixels high (max_video_height in [limits])")
            }
        }
    }

    /// An audio stream's rate and channels (0 means not declared: checked again on each
    /// decoded frame by the resampler).
    func checkAudio(sampleRate: Int, channels: Int, file: String?, stream: Int? = nil) throws(MediaError) {
        let which = stream.map { "audio stream \($0)" } ?? "audio"
        if sampleRate != 0, sampleRate < minSampleRate || sampleRate > maxSampleRate {
            throw MediaError(.overLimit, file: file, "\(which): \(sampleRate) Hz is outside the sample rates accepted, \(minSampleRate) to \(maxSampleRate) Hz (min_sample_rate and max_sample_rate in [limits])")
        }
        if channels > maxChannels {
            throw MediaError(.overLimit, file: file, "\(which): \(channels) channels is over the limit of \(maxChannels) (max_channels in [limits])")
        }
    }

    private static func seconds(of stream: AVStream) -> Double? {
        guard stream.duration != LibAV.noPTS, stream.duration > 0, stream.time_base.num > 0, stream.time_base.den > 0 else { return nil }
        return Double(stream.duration) * Double(stream.time_base.num) / Double(stream.time_base.den)
    }
}
