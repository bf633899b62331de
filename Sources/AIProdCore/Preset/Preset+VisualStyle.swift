extension Preset {
    /// The look generated pictures are asked for when neither the job nor `[studio] style`
    /// sets one: photographic, and never with words in the picture (the titles and subtitles
    /// are drawn by aiprod, in the right language).
    public var visualStyle: String {
        switch name {
        case "shorts-9x16": "vertical composition, vivid cinematic photograph, shallow depth of field, no text, no watermark"
        case "broadcast-ebu": "documentary photograph, natural light, realistic colours, no text, no watermark"
        default: "cinematic photograph, natural light, rich detail, no text, no watermark"
        }
    }
}
