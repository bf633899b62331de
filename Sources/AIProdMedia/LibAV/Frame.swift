import CFFmpeg

/// Owns one `AVFrame`. Handed from the compositing thread to the encoding thread, never shared:
/// hence `@unchecked Sendable`.
final class Frame: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<AVFrame>

    init() {
        guard let frame = av_frame_alloc() else { fatalError("av_frame_alloc: out of memory") }
        pointer = frame
    }

    deinit {
        var frame: UnsafeMutablePointer<AVFrame>? = pointer
        av_frame_free(&frame)
    }

    func unref() { av_frame_unref(pointer) }

    /// Moves this frame's buffers into a new `Frame`, leaving this one empty for reuse.
    func take() -> Frame {
        let moved = Frame()
        av_frame_move_ref(moved.pointer, pointer)
        return moved
    }
}
