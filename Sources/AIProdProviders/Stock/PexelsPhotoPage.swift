import Foundation

/// Pexels' photo search reply (`GET /v1/search`): the fields aiprod reads, decoded strictly
/// (a wrong type or a number that does not fit is a malformed reply) and then checked for
/// sense (sizes, counts).
struct PexelsPhotoPage: PexelsPage {
    struct Photo: Decodable {
        struct Sources: Decodable {
            var original: String?
            var large2x: String?
            var large: String?
        }

        var id: Int64
        var width: Int
        var height: Int
        /// The photo's page on pexels.com.
        var url: String?
        var photographer: String?
        var photographer_url: String?
        var alt: String?
        var src: Sources
    }

    var photos: [Photo]

    /// Throws when the reply makes no sense: more photos than any page holds, sizes out of range.
    func check(provider: String) throws(ProviderError) {
        guard photos.count <= PexelsClient.maxResults else {
            throw ProviderError(.malformedReply, provider: provider, "the reply lists \(photos.count) photos, more than a page holds")
        }
        for photo in photos where !PexelsClient.sizeRange.contains(photo.width) || !PexelsClient.sizeRange.contains(photo.height) || photo.id < 0 {
            throw ProviderError(.malformedReply, provider: provider, "photo \(photo.id) has an impossible size \(photo.width)×\(photo.height)")
        }
    }

    /// The best photo for `query`: large enough for the frame, facing its way if any does (else
    /// any large enough), one of the equally good picked by the seed; and the smallest
    /// rendition that still covers the frame. nil: none is large enough.
    func best(for query: StockQuery) -> (photo: Photo, link: String)? {
        let large = photos.filter { $0.width >= query.minWidth && $0.height >= query.minHeight && Self.rendition(of: $0, for: query) != nil }
        let facing = large.filter { StockOrientation(width: $0.width, height: $0.height) == query.orientation }
        let pool = facing.isEmpty ? large : facing
        guard !pool.isEmpty else { return nil }
        let photo = pool[SeededPick.index(count: pool.count, seed: query.seed)]
        guard let link = Self.rendition(of: photo, for: query) else { return nil }
        return (photo, link)
    }

    /// The smallest of `large`, `large2x`, `original` whose size covers the query's frame.
    /// Pexels' `large` fits the photo within 940×650 and `large2x` within 1880×1300 (the same
    /// at twice the pixel density); neither is larger than the original.
    static func rendition(of photo: Photo, for query: StockQuery) -> String? {
        let renditions: [(link: String?, width: Int, height: Int)] = [(photo.src.large, 940, 650), (photo.src.large2x, 1_880, 1_300)]
        for rendition in renditions {
            guard let link = rendition.link else { continue }
            let scale = min(1, Double(rendition.width) / Double(photo.width), Double(rendition.height) / Double(photo.height))
            if (Double(photo.width) * scale).rounded(.down) >= Double(query.minWidth),
               (Double(photo.height) * scale).rounded(.down) >= Double(query.minHeight) {
                return link
            }
        }
        return photo.src.original
    }
}
