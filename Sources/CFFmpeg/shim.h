#ifndef AIPROD_CFFMPEG_SHIM_H
#define AIPROD_CFFMPEG_SHIM_H

#include <errno.h>
#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libavfilter/avfilter.h>
#include <libavfilter/buffersrc.h>
#include <libavfilter/buffersink.h>
#include <libavutil/avutil.h>
#include <libavutil/opt.h>
#include <libavutil/imgutils.h>
#include <libavutil/pixdesc.h>
#include <libavutil/channel_layout.h>
#include <libavutil/samplefmt.h>
#include <libavutil/dict.h>
#include <libavutil/log.h>
#include <libswscale/swscale.h>
#include <libswresample/swresample.h>

// Macros and struct-valued constants Swift cannot import.
static inline int aiprod_averror(int e) { return AVERROR(e); }
static inline int aiprod_averror_eof(void) { return AVERROR_EOF; }
static inline int aiprod_averror_eagain(void) { return AVERROR(EAGAIN); }
static inline int64_t aiprod_nopts_value(void) { return AV_NOPTS_VALUE; }
static inline AVRational aiprod_time_base_q(void) { return AV_TIME_BASE_Q; }
static inline AVChannelLayout aiprod_layout_stereo(void) { AVChannelLayout l = AV_CHANNEL_LAYOUT_STEREO; return l; }
static inline AVChannelLayout aiprod_layout_mono(void) { AVChannelLayout l = AV_CHANNEL_LAYOUT_MONO; return l; }

// Quiet the library's own stderr chatter; errors come back to us as return codes.
static inline void aiprod_set_log_level(int level) { av_log_set_level(level); }

// av_opt_set_int_list is a macro: one typed wrapper per list the sinks need.
static inline int aiprod_sink_set_pix_fmt(AVFilterContext *ctx, enum AVPixelFormat fmt) {
    enum AVPixelFormat fmts[] = { fmt, AV_PIX_FMT_NONE };
    return av_opt_set_int_list(ctx, "pix_fmts", fmts, AV_PIX_FMT_NONE, AV_OPT_SEARCH_CHILDREN);
}
static inline int aiprod_sink_set_sample_fmt(AVFilterContext *ctx, enum AVSampleFormat fmt) {
    enum AVSampleFormat fmts[] = { fmt, AV_SAMPLE_FMT_NONE };
    return av_opt_set_int_list(ctx, "sample_fmts", fmts, AV_SAMPLE_FMT_NONE, AV_OPT_SEARCH_CHILDREN);
}
static inline int aiprod_sink_set_sample_rate(AVFilterContext *ctx, int rate) {
    int rates[] = { rate, -1 };
    return av_opt_set_int_list(ctx, "sample_rates", rates, -1, AV_OPT_SEARCH_CHILDREN);
}

#endif
