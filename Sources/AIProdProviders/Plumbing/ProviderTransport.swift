import AIProdCore
import AIProdMedia
import Foundation
import Logging

/// One configured provider's connection: its HTTP client (libcurl, TLS verified, no redirects,
/// replies capped at `max_response_bytes`), its circuit breaker and its concurrency limit, all
/// shared by every job. Clients of the provider's API build requests and decode replies; the
/// transport sends, retries, caches and records.
///
/// Blocking: call it from the job's dedicated thread.
public final class ProviderTransport: Sendable {
    public let config: ProviderConfig
    public let breaker: CircuitBreaker
    let gate: ConcurrencyGate
    let client: HTTPClient
    /// Longest `Retry-After` honoured by waiting; a longer one fails the call (the stage falls
    /// back instead of holding the job).
    public let maxRetryWaitSeconds: Double
    /// First backoff; doubled per retry, with jitter, up to 8 s.
    let backoffSeconds: Double

    public init(config: ProviderConfig, maxRetryWaitSeconds: Double = 30, backoffSeconds: Double = 0.5) {
        self.config = config
        breaker = CircuitBreaker(failures: config.breakerFailures, seconds: config.breakerSeconds)
        gate = ConcurrencyGate(limit: config.concurrency)
        client = HTTPClient(timeoutSeconds: config.timeoutSeconds, maxResponseBytes: config.maxResponseBytes,
                            userAgent: "aiprod/\(ProviderTransport.version)")
        self.maxRetryWaitSeconds = maxRetryWaitSeconds
        self.backoffSeconds = backoffSeconds
    }

    static let version = "0.9"

    /// `config.url` with `path` appended (`/chat/completions` on `http://host:11434/v1`).
    public func endpoint(_ path: String) throws(ProviderError) -> URL {
        var base = config.url
        while base.hasSuffix("/") { base.removeLast() }
        guard let url = URL(string: base + path) else {
            throw ProviderError(.unsupported, provider: config.name, "cannot make a URL of \(base) and \(path)")
        }
        return url
    }

    /// Sends `request` (cached answers first), decodes the reply with `decode`, and records the
    /// call on the session. `units` tells how much of the provider's unit a decoded answer used
    /// (what it costs). A reply is cached only once `decode` accepted it, so a bad answer is
    /// never served again.
    ///
    /// `cacheable: false` for a call whose answer changes with time (a task's status) or
    /// starts work (a task's submission): it is always sent, and its reply is never kept.
    public func exchange<Reply>(
        _ request: HTTPClientRequest, purpose: String, session: ProviderSession, cacheable: Bool = true,
        decode: (HTTPClientResponse) throws(ProviderError) -> Reply, units: (Reply) -> Double
    ) throws(ProviderError) -> Reply {
        let cache = cacheable ? session.cache : nil
        let started = Date()
        let key = ProviderCacheKey(kind: config.kind, model: config.model, method: request.method, url: request.url.absoluteString, body: request.body)
        func record(_ outcome: ProviderCallOutcome, attempts: Int, units: Double, error: ProviderError? = nil) {
            let cost = outcome == .succeeded ? config.usd(units: units) : 0
            session.record(ProviderCall(
                provider: config.name, kind: config.kind, stage: session.stage, purpose: purpose, startedAt: started,
                seconds: Date().timeIntervalSince(started), attempts: attempts, units: units, unit: config.kind.unit, usd: cost,
                outcome: outcome, errorCode: error?.code.rawValue, message: error?.message))
        }
        if let cache, let body = cache.get(key, maxBytes: config.maxResponseBytes) {
            do {
                let reply = try decode(HTTPClientResponse(status: 200, body: body))
                record(.cached, attempts: 0, units: units(reply))
                return reply
            } catch {
                cache.remove(key)
            }
        }
        guard breaker.allows() else {
            let error = ProviderError(.circuitOpen, provider: config.name,
                                      "skipped: failed \(breaker.failures) times in a row; tried again in \(Int(breaker.secondsUntilTrial.rounded(.up))) s")
            record(.skipped, attempts: 0, units: 0, error: error)
            throw error
        }
        var attempts = 0
        do {
            let response = try send(request, session: session, attempts: &attempts)
            let reply = try decode(response)
            breaker.succeeded()
            cache?.put(key, response.body)
            record(.succeeded, attempts: attempts, units: units(reply))
            return reply
        } catch {
            let error = redacted(error)
            if error.code != .cancelled { breaker.failed() }
            record(.failed, attempts: attempts, units: 0, error: error)
            session.logger.warning("provider call failed", metadata: [
                "provider": "\(config.name)", "purpose": "\(purpose)", "code": "\(error.code.rawValue)", "message": "\(error.message)",
            ])
            throw error
        }
    }

    /// Sends with retries: timeouts, transport errors, 429 and 5xx are tried again up to
    /// `retries` times, after `Retry-After` when the reply gives one (up to
    /// ``maxRetryWaitSeconds``), else after an exponential backoff with jitter. Returns a 2xx
    /// reply whose body is whole.
    func send(_ request: HTTPClientRequest, session: ProviderSession, attempts: inout Int) throws(ProviderError) -> HTTPClientResponse {
        let name = config.name
        var lastError = ProviderError(.unreachable, provider: name, "no attempt made")
        for attempt in 0...config.retries {
            if attempt > 0 {
                let delay = lastError.retryDelay ?? backoff(attempt)
                guard BlockingAwait.sleep(delay, cancellation: session.cancellation) else { throw .cancelled(name) }
            }
            guard gate.enter(cancellation: session.cancellation) else { throw .cancelled(name) }
            attempts += 1
            let client = self.client
            let result = BlockingAwait.run(cancellation: session.cancellation) { () async -> Result<HTTPClientResponse, HTTPClientError> in
                do throws(HTTPClientError) {
                    return .success(try await client.send(request))
                } catch {
                    return .failure(error)
                }
            }
            gate.leave()
            switch result {
            case .failure(let error):
                switch error.code {
                case .cancelled: throw .cancelled(name)
                case .unsupportedURL: throw ProviderError(.unsupported, provider: name, error.message)
                case .timedOut: lastError = ProviderError(.timedOut, provider: name, "no complete reply within \(config.timeoutSeconds.formatted) s")
                case .transport: lastError = ProviderError(.unreachable, provider: name, error.message)
                }
            case .success(let response):
                if response.truncated {
                    throw ProviderError(.replyTooLarge, provider: name,
                                        "the reply is larger than max_response_bytes (\(config.maxResponseBytes))", status: response.status)
                }
                if response.isSuccess { return response }
                var error = ProviderError(response.status == 429 ? .rateLimited : .httpStatus, provider: name,
                                          "HTTP \(response.status): \(Self.excerpt(response.body))", status: response.status)
                guard response.status == 429 || (500...599).contains(response.status) else { throw error }
                if let wait = RetryAfter.seconds(response.headers["retry-after"]) {
                    guard wait <= maxRetryWaitSeconds else {
                        error.message += " (asks to wait \(Int(min(wait, 1e9))) s, more than aiprod waits)"
                        throw error
                    }
                    error.retryDelay = wait
                }
                lastError = error
            }
            if session.cancellation.isCancelled { throw .cancelled(name) }
        }
        throw lastError
    }

    /// 0.5, 1, 2, 4, 8 s… with ±25 % jitter.
    func backoff(_ attempt: Int) -> Double {
        let base = min(backoffSeconds * Double(1 << min(attempt - 1, 10)), 8)
        return base * Double.random(in: 0.75...1.25)
    }

    /// The start of an error reply, printable characters only: what a person needs to see why.
    static func excerpt(_ body: Data) -> String {
        let text = String(decoding: body.prefix(300), as: UTF8.self)
        let printable = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
        return printable.isEmpty ? "(empty body)" : String(printable.prefix(200))
    }

    /// The error with any occurrence of the key replaced: some APIs echo the key they refused.
    func redacted(_ error: ProviderError) -> ProviderError {
        guard let key = config.key?.value, key.utf8.count >= 4 else { return error }
        var error = error
        error.message = error.message.replacingOccurrences(of: key, with: "(redacted)")
        return error
    }
}

extension ProviderError {
    static func cancelled(_ provider: String) -> ProviderError {
        ProviderError(.cancelled, provider: provider, "the job was cancelled")
    }
}

extension Double {
    fileprivate var formatted: String { self == rounded() && abs(self) < 1e9 ? String(Int(self)) : String(self) }
}
