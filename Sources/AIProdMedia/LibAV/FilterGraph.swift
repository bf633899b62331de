import CFFmpeg

/// Owns an `AVFilterGraph` built from a description string, with named buffer sources we feed
/// and buffer sinks we drain. Every pad of the description is labelled (`[img0]`, `[out]`).
final class FilterGraph {
    enum Source {
        case video(width: Int32, height: Int32, pixelFormat: AVPixelFormat, timeBase: AVRational, frameRate: AVRational, sampleAspect: AVRational)
        case audio(sampleRate: Int32, format: AVSampleFormat, channels: Int32, timeBase: AVRational)
    }

    enum Sink {
        case video(pixelFormat: AVPixelFormat)
        /// Audio in `format`; `frameSize` fixes the samples per frame (AAC needs 1024).
        case audio(format: AVSampleFormat, sampleRate: Int32, channels: Int32, frameSize: Int32?)
    }

    let graph: UnsafeMutablePointer<AVFilterGraph>
    private(set) var sources: [String: UnsafeMutablePointer<AVFilterContext>] = [:]
    private(set) var sinks: [String: UnsafeMutablePointer<AVFilterContext>] = [:]

    init(description: String, sources: [(String, Source)], sinks: [(String, Sink)], threads: Int32 = 0) throws(MediaError) {
        _ = LibAV.configured
        guard let graph = avfilter_graph_alloc() else { fatalError("avfilter_graph_alloc: out of memory") }
        self.graph = graph
        graph.pointee.nb_threads = threads
        for (name, source) in sources {
            self.sources[name] = try Self.makeSource(graph, name: name, source)
        }
        for (name, sink) in sinks {
            self.sinks[name] = try Self.makeSink(graph, name: name, sink)
        }
        // `outputs` lists the graph's open outputs, that is our sources; `inputs` our sinks.
        var outputs: UnsafeMutablePointer<AVFilterInOut>? = Self.inOutList(self.sources)
        var inputs: UnsafeMutablePointer<AVFilterInOut>? = Self.inOutList(self.sinks)
        let parsed = avfilter_graph_parse_ptr(graph, description, &inputs, &outputs, nil)
        avfilter_inout_free(&inputs)
        avfilter_inout_free(&outputs)
        try LibAV.check(parsed, .filterFailed, "filter graph does not parse (\(description))")
        try LibAV.check(avfilter_graph_config(graph, nil), .filterFailed, "filter graph does not configure (\(description))")
        // A fixed frame size applies to the sink's input link, which exists only once configured.
        for (name, sink) in sinks {
            if case let .audio(_, _, _, frameSize?) = sink {
                av_buffersink_set_frame_size(self.sinks[name]!, UInt32(frameSize))
            }
        }
    }

    deinit {
        var owned: UnsafeMutablePointer<AVFilterGraph>? = graph
        avfilter_graph_free(&owned)
    }

    /// Pushes a frame into a source; the graph takes its own reference.
    func push(_ frame: Frame, to source: String) throws(MediaError) {
        let result = av_buffersrc_add_frame_flags(sources[source]!, frame.pointer, Int32(AV_BUFFERSRC_FLAG_KEEP_REF))
        try LibAV.check(result, .filterFailed, "cannot feed \(source)")
    }

    /// Ends a source at `pts`. Pushing (not NULL) keeps a trailing frame through `fps`.
    func close(_ source: String, pts: Int64) throws(MediaError) {
        let result = av_buffersrc_close(sources[source]!, pts, UInt32(AV_BUFFERSRC_FLAG_PUSH))
        try LibAV.check(result, .filterFailed, "cannot close \(source)")
    }

    enum Pull { case frame, needsInput, finished }

    /// Takes the next frame from a sink.
    func pull(from sink: String, into frame: Frame) throws(MediaError) -> Pull {
        frame.unref()
        let result = av_buffersink_get_frame(sinks[sink]!, frame.pointer)
        if result >= 0 { return .frame }
        if result == LibAV.eagain { return .needsInput }
        if result == LibAV.eof { return .finished }
        try LibAV.check(result, .filterFailed, "filter graph failed")
        return .finished
    }

    func sinkTimeBase(_ sink: String) -> AVRational { av_buffersink_get_time_base(sinks[sink]!) }
    func sinkSize(_ sink: String) -> (width: Int32, height: Int32) {
        (av_buffersink_get_w(sinks[sink]!), av_buffersink_get_h(sinks[sink]!))
    }
    func sinkFrameRate(_ sink: String) -> AVRational { av_buffersink_get_frame_rate(sinks[sink]!) }

    /// Fixes the samples per frame an audio sink returns (after configuration).
    func setFrameSize(_ size: Int32, sink: String) { av_buffersink_set_frame_size(sinks[sink]!, UInt32(size)) }

    private static func makeSource(_ graph: UnsafeMutablePointer<AVFilterGraph>, name: String, _ source: Source) throws(MediaError) -> UnsafeMutablePointer<AVFilterContext> {
        let filterName: String
        let arguments: String
        switch source {
        case let .video(width, height, pixelFormat, timeBase, frameRate, sampleAspect):
            filterName = "buffer"
            let sar = sampleAspect.num > 0 ? sampleAspect : AVRational(num: 1, den: 1)
            arguments = "video_size=\(width)x\(height):pix_fmt=\(pixelFormat.rawValue):time_base=\(timeBase.num)/\(timeBase.den)"
                + ":pixel_aspect=\(sar.num)/\(sar.den)"
                + (frameRate.num > 0 ? ":frame_rate=\(frameRate.num)/\(frameRate.den)" : "")
        case let .audio(sampleRate, format, channels, timeBase):
            filterName = "abuffer"
            let layout = channels == 1 ? "mono" : channels == 2 ? "stereo" : "\(channels)c"
            arguments = "sample_rate=\(sampleRate):sample_fmt=\(LibAV.string(av_get_sample_fmt_name(format)) ?? "flt")"
                + ":channel_layout=\(layout):time_base=\(timeBase.num)/\(timeBase.den)"
        }
        var context: UnsafeMutablePointer<AVFilterContext>?
        let result = avfilter_graph_create_filter(&context, avfilter_get_by_name(filterName), name, arguments, nil, graph)
        try LibAV.check(result, .filterFailed, "cannot create source \(name) (\(arguments))")
        return context!
    }

    private static func makeSink(_ graph: UnsafeMutablePointer<AVFilterGraph>, name: String, _ sink: Sink) throws(MediaError) -> UnsafeMutablePointer<AVFilterContext> {
        var context: UnsafeMutablePointer<AVFilterContext>?
        switch sink {
        case .video(let pixelFormat):
            try LibAV.check(avfilter_graph_create_filter(&context, avfilter_get_by_name("buffersink"), name, nil, nil, graph), .filterFailed, "cannot create sink \(name)")
            try LibAV.check(aiprod_sink_set_pix_fmt(context, pixelFormat), .filterFailed, "sink pixel format")
        case let .audio(format, sampleRate, channels, frameSize):
            try LibAV.check(avfilter_graph_create_filter(&context, avfilter_get_by_name("abuffersink"), name, nil, nil, graph), .filterFailed, "cannot create sink \(name)")
            try LibAV.check(aiprod_sink_set_sample_fmt(context, format), .filterFailed, "sink sample format")
            try LibAV.check(aiprod_sink_set_sample_rate(context, sampleRate), .filterFailed, "sink sample rate")
            try LibAV.check(av_opt_set(context, "ch_layouts", channels == 1 ? "mono" : "stereo", AV_OPT_SEARCH_CHILDREN), .filterFailed, "sink channel layout")
        }
        return context!
    }

    /// A linked list of `AVFilterInOut` naming each endpoint by its label; freed by the caller.
    private static func inOutList(_ endpoints: [String: UnsafeMutablePointer<AVFilterContext>]) -> UnsafeMutablePointer<AVFilterInOut>? {
        var head: UnsafeMutablePointer<AVFilterInOut>?
        for (name, context) in endpoints.sorted(by: { $0.key > $1.key }) {
            guard let node = avfilter_inout_alloc() else { fatalError("avfilter_inout_alloc: out of memory") }
            node.pointee.name = av_strdup(name)
            node.pointee.filter_ctx = context
            node.pointee.pad_idx = 0
            node.pointee.next = head
            head = node
        }
        return head
    }
}
