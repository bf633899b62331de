import AIProdCore
import AIProdMedia
import AIProdStudio

/// qa: the side files (subtitles as SRT and WebVTT when the spec exports them, a thumbnail a
/// third of the way in) and the QA gate's report (`qa.json`). A failed check is a report, not
/// an error: the job succeeds with `qa_passed: false`. The gate's decodes look at the
/// cancellation every frame and block.
struct QAStage {
    func run(_ job: StageJob) throws(PipelineError) -> [String] {
        let timeline = try job.timeline(.qa)
        let directory = job.directory
        var files: [String] = []
        let duration = TimelineSchedule(timeline).duration.doubleValue
        do throws(MediaError) {
            if job.spec.subtitles.export {
                let cues = timeline.subtitles?.cues ?? []
                try AtomicOutput.write(SubtitleFormatter().srt(cues), to: directory.srt)
                try AtomicOutput.write(SubtitleFormatter().webVTT(cues), to: directory.vtt)
                files += [JobDirectory.srt, JobDirectory.vtt]
            }
            try ThumbnailWriter().write(video: directory.video, at: duration / 3, to: directory.thumbnail)
            files.append(JobDirectory.thumbnail)
        } catch {
            throw PipelineError(error, stage: .qa)
        }
        try job.context.check(.qa)
        let expected = try expectations(job, timeline: timeline)
        var report: QAReport
        do {
            report = try QAGate().check(directory.video, expecting: expected, cancellation: job.context.cancellation)
        } catch {
            throw PipelineError(error, stage: .qa)
        }
        report.file = JobDirectory.video
        try directory.writeJSON(report, to: JobDirectory.qa, stage: .qa)
        return files + [JobDirectory.qa]
    }

    /// What the render should be; for a script job, with the spoken words (from
    /// `media/narration.json`) placed where the timeline starts each narration.
    private func expectations(_ job: StageJob, timeline: Timeline) throws(PipelineError) -> QAExpectations {
        guard !job.isTimeline else { return QAExpectations(timeline: timeline) }
        let narrations = try job.narrations(.qa)
        let starts = timeline.audio.narration.map { $0.start.doubleValue }
        let rate = Double(Narration.sampleRate)
        var words: [TimeSpan] = []
        var spans: [TimeSpan] = []
        for (start, narration) in zip(starts, narrations) {
            words += narration.words.map { TimeSpan(start: start + Double($0.startSample) / rate, end: start + Double($0.endSample) / rate) }
            if let first = narration.words.first, let last = narration.words.last {
                spans.append(TimeSpan(start: start + Double(first.startSample) / rate, end: start + Double(last.endSample) / rate))
            }
        }
        return QAExpectations(timeline: timeline, words: words, narrationSpans: spans)
    }
}
