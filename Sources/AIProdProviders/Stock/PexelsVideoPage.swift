import Foundation

/// Pexels' video search reply (`GET /videos/search`): each video with its files (renditions),
/// decoded strictly and checked for sense.
struct PexelsVideoPage: PexelsPage {
    struct Video: Decodable {
        struct User: Decodable {
            var name: String?
            var url: String?
        }

        struct File: Decodable {
            var link: String
            var quality: String?
            var file_type: String?
            var width: Int?
            var height: Int?
        }

        var id: Int64
        var width: Int
        var height: Int
        /// Whole seconds.
        var duration: Double
        /// The video's page on pexels.com.
        var url: String?
        var user: User?
        var video_files: [File]
    }

    var videos: [Video]

    /// Most renditions a video may list before the reply is nonsense.
    static let maxFiles = 64

    func check(provider: String) throws(ProviderError) {
        guard videos.count <= PexelsClient.maxResults else {
            throw ProviderError(.malformedReply, provider: provider, "the reply lists \(videos.count) videos, more than a page holds")
        }
        for video in videos {
            guard video.id >= 0, PexelsClient.sizeRange.contains(video.width), PexelsClient.sizeRange.contains(video.height) else {
                throw ProviderError(.malformedReply, provider: provider, "video \(video.id) has an impossible size \(video.width)×\(video.height)")
            }
            guard video.duration.isFinite, (0...86_400).contains(video.duration) else {
                throw ProviderError(.malformedReply, provider: provider, "video \(video.id) has an impossible duration")
            }
            guard video.video_files.count <= Self.maxFiles else {
                throw ProviderError(.malformedReply, provider: provider, "video \(video.id) lists \(video.video_files.count) files")
            }
        }
    }

    /// The best video for `query`: one with an MP4 rendition covering the frame; facing the
    /// query's way before not, long enough before too short; one of the equally good picked by
    /// the seed; its smallest MP4 that covers the frame. nil: no video has such a file.
    func best(for query: StockQuery) -> (video: Video, file: Video.File)? {
        let usable = videos.compactMap { video in Self.smallestFile(of: video, for: query).map { (video, $0) } }
        func rank(_ video: Video) -> Int {
            (StockOrientation(width: video.width, height: video.height) == query.orientation ? 0 : 2) + (video.duration >= query.minSeconds ? 0 : 1)
        }
        guard let bestRank = usable.map({ rank($0.0) }).min() else { return nil }
        let pool = usable.filter { rank($0.0) == bestRank }
        let pick = pool[SeededPick.index(count: pool.count, seed: query.seed)]
        return (pick.0, pick.1)
    }

    /// The MP4 rendition with the fewest pixels that still covers the query's frame.
    static func smallestFile(of video: Video, for query: StockQuery) -> Video.File? {
        video.video_files.filter { file in
            guard let width = file.width, let height = file.height, PexelsClient.sizeRange.contains(width), PexelsClient.sizeRange.contains(height) else {
                return false
            }
            let mp4 = file.file_type?.lowercased() == "video/mp4" || (file.file_type == nil && file.link.lowercased().contains(".mp4"))
            return mp4 && width >= query.minWidth && height >= query.minHeight
        }.min { ($0.width ?? 0) * ($0.height ?? 0) < ($1.width ?? 0) * ($1.height ?? 0) }
    }
}
