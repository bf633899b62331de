/// The size a picture is asked at: the nearest one the API supports with the frame's
/// orientation. The director scales and crops it to the preset's frame afterwards.
struct ImageSize: Sendable, Hashable {
    var width: Int
    var height: Int

    /// `1792x1024`, as the OpenAI API spells a size.
    var text: String { "\(width)x\(height)" }

    /// Longest side a1111 and comfyui are asked for (larger is slow and leaves SD's training sizes).
    static let longestStepped = 1_536
    /// Their sizes are multiples of this (the latent is an eighth of the picture, in blocks of 8).
    static let step = 64

    /// OpenAI's fixed sizes: dall-e-3 `1024x1024`, `1792x1024`, `1024x1792`; the GPT image
    /// models `1536x1024`, `1024x1536`; dall-e-2 only the square.
    static func openAI(model: String, width: Int, height: Int) -> ImageSize {
        let long = model.hasPrefix("gpt-image") ? 1_536 : 1_792
        if model == "dall-e-2" || width == height { return ImageSize(width: 1_024, height: 1_024) }
        return width > height ? ImageSize(width: long, height: 1_024) : ImageSize(width: 1_024, height: long)
    }

    /// Multiples of 64 no larger than 1536, scaled down from the frame with its aspect ratio
    /// kept as nearly as the steps allow, and its orientation kept exactly (a landscape frame
    /// never becomes a square picture).
    static func stepped(width: Int, height: Int) -> ImageSize {
        let w = Double(max(width, 1)), h = Double(max(height, 1))
        let scale = min(1, Double(longestStepped) / max(w, h))
        func snap(_ value: Double) -> Int {
            min(max(Int((value / Double(step)).rounded()) * step, step), longestStepped)
        }
        var size = ImageSize(width: snap(w * scale), height: snap(h * scale))
        if width > height, size.width <= size.height {
            if size.height > step { size.height = size.width - step } else { size.width = size.height + step }
        } else if height > width, size.height <= size.width {
            if size.width > step { size.width = size.height - step } else { size.height = size.width + step }
        } else if width == height {
            size.height = size.width
        }
        return size
    }
}
