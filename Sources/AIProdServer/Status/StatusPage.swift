import AIProdCore
import AIProdStore
import Foundation

/// The built-in `/status` page: well-formed XHTML-style HTML5 (every element closed, only XML's
/// own entities) with inline CSS and SVG, no script, nothing loaded from anywhere; it reloads
/// itself every `refreshSeconds`. Every piece of text from the store is escaped.
struct StatusPage: Sendable {
    var snapshot: StatusSnapshot
    var refreshSeconds: Int

    /// Chart bins over the last hour.
    static let binCount = 12
    static let binSeconds = 300.0

    func render() -> String {
        var html = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta http-equiv="refresh" content="\(refreshSeconds)"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>aiprod status</title>
            <style>\(Self.css)</style>
            </head>
            <body>

            """
        html += "<h1>aiprod <span class=\"muted\">\(HTMLText.escape(snapshot.version))</span></h1>\n"
        html += "<p class=\"muted\">As of \(HTMLText.escape(Self.time(snapshot.now))); reloads every \(refreshSeconds) s.</p>\n"
        html += summary()
        html += workers()
        html += charts()
        html += recent()
        html += "</body>\n</html>\n"
        return html
    }

    // MARK: Sections

    private func summary() -> String {
        let counts = snapshot.gauges.counts
        let age = snapshot.gauges.oldestQueuedAt.map { max(0, snapshot.now.timeIntervalSince($0)) }
        var cells: [(String, String)] = [
            ("Queued", "\(counts[.queued] ?? 0)"),
            ("Oldest queued", age.map(Self.seconds) ?? "none"),
            ("Running", "\(counts[.running] ?? 0)"),
            ("Workers", "\(snapshot.workers)"),
            ("Succeeded", "\(counts[.succeeded] ?? 0)"),
            ("Failed", "\(counts[.failed] ?? 0)"),
            ("Dead", "\(counts[.dead] ?? 0)"),
            ("Ended in the last hour", "\(snapshot.lastHour.count)"),
            ("Database", ByteCountText.format(snapshot.gauges.databaseBytes)),
            ("Assets", ByteCountText.format(snapshot.gauges.assetBytes)),
        ]
        if let disk = snapshot.disk {
            cells.append(("Disk free", "\(ByteCountText.format(disk.freeBytes)) of \(ByteCountText.format(disk.totalBytes))"))
        }
        var out = "<section id=\"summary\"><h2>Queue and disk</h2><dl class=\"cards\">\n"
        for (label, value) in cells {
            out += "<div><dt>\(HTMLText.escape(label))</dt><dd>\(HTMLText.escape(value))</dd></div>\n"
        }
        return out + "</dl></section>\n"
    }

    /// One row per running job (its lease names the worker), then the idle workers.
    private func workers() -> String {
        var out = "<section id=\"workers\"><h2>Workers</h2>\n"
        if snapshot.running.isEmpty {
            out += "<p class=\"muted\">No job is running.</p>\n"
        } else {
            out += "<table><thead><tr><th>Worker</th><th>Job</th><th>Title</th><th>Stage</th><th>Progress</th><th>Started</th></tr></thead><tbody>\n"
            for job in snapshot.running {
                out += "<tr class=\"running\"><td>\(HTMLText.escape(job.leaseOwner ?? "-"))</td><td><code>\(HTMLText.escape(job.id.rawValue))</code></td>"
                out += "<td>\(HTMLText.escape(Self.title(of: job)))</td><td>\(HTMLText.escape(job.stage?.rawValue ?? "-"))</td>"
                out += "<td>\(Self.progressBar(job.progress))</td><td>\(HTMLText.escape(job.startedAt.map(Self.time) ?? "-"))</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        let idle = max(0, snapshot.workers - snapshot.running.count)
        out += "<p class=\"muted\">\(idle) of \(snapshot.workers) worker\(snapshot.workers == 1 ? "" : "s") idle in this daemon.</p>\n"
        return out + "</section>\n"
    }

    /// Jobs ended per five minutes, and the mean wait (creation to end) of those that
    /// succeeded.
    private func charts() -> String {
        let start = snapshot.now.addingTimeInterval(-Self.binSeconds * Double(Self.binCount))
        var ended = [Double](repeating: 0, count: Self.binCount)
        var latencySum = [Double](repeating: 0, count: Self.binCount)
        var latencyCount = [Double](repeating: 0, count: Self.binCount)
        for timing in snapshot.lastHour {
            let offset = timing.finishedAt.timeIntervalSince(start) / Self.binSeconds
            guard offset.isFinite, offset >= 0 else { continue }
            let bin = min(Self.binCount - 1, Int(offset))
            ended[bin] += 1
            if timing.state == .succeeded, timing.latency.isFinite, timing.latency >= 0 {
                latencySum[bin] += timing.latency
                latencyCount[bin] += 1
            }
        }
        let latency = zip(latencySum, latencyCount).map { $1 > 0 ? $0 / $1 : 0 }
        let throughput = BarChart(title: "Jobs ended per 5 min", values: ended, format: { "\(Int($0)) jobs" },
                                  startLabel: "-60 min", endLabel: "now")
        let wait = BarChart(title: "Mean wait of succeeded jobs", values: latency, format: Self.seconds,
                            startLabel: "-60 min", endLabel: "now")
        return "<section id=\"charts\"><h2>Last hour</h2><div class=\"charts\">\(throughput.svg())\n\(wait.svg())</div></section>\n"
    }

    private func recent() -> String {
        var out = "<section id=\"recent\"><h2>Recent jobs</h2>\n"
        guard !snapshot.recent.isEmpty else { return out + "<p class=\"muted\">No job yet.</p></section>\n" }
        out += "<table><thead><tr><th></th><th>Job</th><th>Title</th><th>State</th><th>Stage</th><th>Progress</th><th>Created</th></tr></thead><tbody>\n"
        for job in snapshot.recent {
            let thumbnail = snapshot.thumbnails[job.id].map { "<img class=\"thumb\" alt=\"\" src=\"\(HTMLText.escape($0))\"/>" } ?? ""
            out += "<tr class=\"\(HTMLText.escape(job.state.rawValue))\"><td>\(thumbnail)</td><td><code>\(HTMLText.escape(job.id.rawValue))</code></td>"
            out += "<td>\(HTMLText.escape(Self.title(of: job)))</td><td>\(HTMLText.escape(job.state.rawValue))</td>"
            out += "<td>\(HTMLText.escape(job.stage?.rawValue ?? "-"))</td><td>\(Self.progressBar(job.progress))</td>"
            out += "<td>\(HTMLText.escape(Self.time(job.createdAt)))</td></tr>\n"
        }
        return out + "</tbody></table></section>\n"
    }

    // MARK: Pieces

    /// The title, else the script's (or prompt's) first 80 characters, else what kind of job it is.
    static func title(of job: JobRecord) -> String {
        if let title = job.spec.title, !title.isEmpty { return String(title.prefix(120)) }
        if let script = job.spec.script ?? job.spec.prompt, !script.isEmpty {
            let line = script.prefix(80).map { $0.isNewline ? " " : $0 }
            return String(line) + (script.count > 80 ? "…" : "")
        }
        return job.spec.timeline == nil ? "(untitled)" : "(timeline)"
    }

    static func progressBar(_ percent: Double) -> String {
        let clamped = percent.isFinite ? min(100, max(0, percent)) : 0
        let shown = Int(clamped.rounded())
        return "<div class=\"progress\" title=\"\(shown)%\"><div style=\"width:\(shown)%\"></div></div>"
    }

    static func time(_ date: Date) -> String {
        guard date.timeIntervalSince1970.isFinite, abs(date.timeIntervalSince1970) < 1e11 else { return "-" }
        return date.formatted(.iso8601)
    }

    @Sendable static func seconds(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        if value < 120 { return "\((value * 10).rounded() / 10) s" }
        if value < 7_200 { return "\(Int(value / 60)) min" }
        return "\((value / 360).rounded() / 10) h"
    }

    static let css = """
        body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#1b1f24;background:#fafafa}\
        h1{font-size:1.4em;margin:0}h2{font-size:1.1em;margin:1.2em 0 .4em}.muted{color:#6a737d}\
        .cards{display:flex;flex-wrap:wrap;gap:.5em;margin:0}.cards div{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.4em .8em}\
        dt{font-size:.8em;color:#6a737d}dd{margin:0;font-weight:600}\
        table{border-collapse:collapse;background:#fff;width:100%}th,td{border-bottom:1px solid #eee;padding:.3em .5em;text-align:left;vertical-align:middle}\
        .progress{width:120px;height:10px;background:#eee;border-radius:5px;overflow:hidden}.progress div{height:100%;background:#2f81f7}\
        tr.failed .progress div,tr.dead .progress div{background:#cf222e}tr.succeeded .progress div{background:#1a7f37}\
        .thumb{width:64px;height:36px;object-fit:cover;border-radius:3px}\
        .charts{display:flex;flex-wrap:wrap;gap:1em}.chart{background:#fff;border:1px solid #ddd;border-radius:6px}\
        .chart .bar{fill:#2f81f7}.chart .base{stroke:#999}.chart .axis{font-size:10px;fill:#6a737d}
        """
}
