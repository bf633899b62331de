import AIProdCore
import AIProdProviders
import AIProdStore
import Foundation
import Logging

/// One attempt at a claimed job, start to end, on the worker's own thread (it blocks: SQLite,
/// libav, espeak-ng, fluidsynth): link the assets, run the stages that are not done yet with
/// their starts, ends and progress reported to the store, then tell the store how it ended.
struct JobExecution<Store: JobStore, Runner: StageRunning>: Sendable {
    let store: Store
    let runner: Runner
    let configuration: WorkerPoolConfiguration
    let worker: String
    let logger: Logger

    func run(_ claimed: ClaimedJob, control: JobControl) -> JobOutcome {
        let job = claimed.job
        var logger = logger
        logger[metadataKey: "job_id"] = "\(job.id)"
        logger[metadataKey: "attempt"] = "\(claimed.attempt)"
        if let trace = job.traceID { logger[metadataKey: "trace_id"] = "\(trace)" }
        let directory = configuration.directory(for: job.id.rawValue)
        let started = ContinuousClock.now
        logger.info("job started", metadata: ["stage": "\(job.stage?.rawValue ?? "-")"])
        do throws(PipelineError) {
            try linker(for: job.spec).link(job.spec.assetIds, into: directory)
            let quota = JobDiskQuota(limit: configuration.maxJobBytes, folder: directory.root)
            let renderSeconds = RenderSeconds()
            let result = try runner.run(spec: job.spec, in: directory,
                                        context: context(for: job.id, control: control, quota: quota, logger: logger),
                                        onStage: stageReporter(for: job.id, control: control, quota: quota,
                                                               renderSeconds: renderSeconds, logger: logger))
            // The last stage may have written past the cap after the last look.
            quota.enforce(control, logger: logger)
            if control.stopReason == .diskQuota { throw PipelineError.cancelled(nil) }
            if let seconds = renderSeconds.value {
                configuration.metrics.rendered(videoSeconds: result.duration, renderSeconds: seconds)
            }
            return succeed(job, result: result, seconds: (ContinuousClock.now - started).seconds, logger: logger)
        } catch {
            return stopped(job, error: error, control: control, logger: logger)
        }
    }

    /// A script job's assets are named for the director's keyword matching; a timeline's by id.
    private func linker(for spec: JobSpec) throws(PipelineError) -> AssetLinker {
        let folder = AssetFolder(root: configuration.assetsDirectory)
        guard spec.timeline == nil, !spec.assetIds.isEmpty else { return AssetLinker(folder: folder) }
        var records: [String: AssetRecord] = [:]
        for id in spec.assetIds {
            do {
                records[id] = try store.asset(id)
            } catch where error.code == .notFound {
                throw PipelineError(code: "asset_not_found", message: "asset \(id) is not in the asset store", field: "asset_ids",
                                    category: .caller)
            } catch {
                // The database failing is ours: the job is retried, not dead as if it named a bad asset.
                throw PipelineError(error, stage: nil)
            }
        }
        return AssetLinker(folder: folder, records: records)
    }

    // MARK: Reporting while it runs

    private func context(for id: JobID, control: JobControl, quota: JobDiskQuota, logger: Logger) -> StageContext {
        let throttle = ProgressThrottle(interval: configuration.progressInterval)
        let store = store
        return StageContext(cancellation: control.cancellation, progress: { progress in
            guard throttle.admit() else { return }
            // As the stage writes: a job over its cap stops within one progress interval.
            quota.enforce(control, logger: logger)
            do {
                try store.progress(id, progress)
            } catch {
                logger.warning("progress not recorded", metadata: ["error": "\(error)"])
            }
        }, logger: logger, providerCall: { [metrics = configuration.metrics] call in
            metrics.providerCall(call)
            do {
                try store.recordProviderCall(id, call.record)
            } catch {
                logger.warning("provider call not recorded", metadata: ["error": "\(error)"])
            }
        })
    }

    /// Stage starts and ends go to the store (the runner logs them itself) and ends to the
    /// metrics and the disk quota; the render's time is kept for its real-time factor, known once
    /// the job is done.
    private func stageReporter(for id: JobID, control: JobControl, quota: JobDiskQuota, renderSeconds: RenderSeconds,
                               logger: Logger) -> @Sendable (StageName, StageEvent) -> Void {
        let store = store, worker = worker, metrics = configuration.metrics
        return { stage, event in
            if case .finished(let manifest) = event {
                quota.enforce(control, logger: logger)
                metrics.stageFinished(stage, seconds: manifest.seconds)
                if stage == .render { renderSeconds.value = manifest.seconds }
            }
            do {
                switch event {
                case .started: try store.stageStarted(id, stage: stage, worker: worker, now: Date())
                case .finished(let manifest): try store.stageFinished(id, stage: stage, seconds: manifest.seconds, now: Date())
                case .skipped, .failed: break
                }
            } catch {
                logger.warning("stage report not recorded", metadata: ["stage": "\(stage.rawValue)", "error": "\(error)"])
            }
        }
    }

    // MARK: The end of the attempt

    private func succeed(_ job: JobRecord, result: JobResult, seconds: Double, logger: Logger) -> JobOutcome {
        let computeSeconds = result.wallSeconds.isFinite && result.wallSeconds >= 0 ? result.wallSeconds : seconds
        let compute = CostModel(prices: configuration.prices).compute(seconds: computeSeconds)
        let costs = [CostItem(kind: compute.kind, units: compute.units, usd: compute.usd)]
        do {
            try store.succeed(job.id, worker: worker, result: result, costs: costs, now: Date())
        } catch {
            // The lease holds (or will lapse): a later attempt finds every stage done and
            // publishes again; the store keeps one result whatever happens.
            logger.error("result not recorded", metadata: ["error": "\(error)"])
            return .abandoned
        }
        if result.duration > 0, computeSeconds > 0 {
            do {
                try store.recordSpeed(preset: configuration.presetName(for: job.spec), secondsPerVideoSecond: computeSeconds / result.duration)
            } catch {
                logger.warning("speed not recorded", metadata: ["error": "\(error)"])
            }
        }
        let remoteUsd = ((try? store.providerCalls(job: job.id)) ?? []).reduce(0) { $0 + $1.usd }
        configuration.metrics.jobCost(usd: costs.reduce(0) { $0 + $1.usd } + remoteUsd)
        logger.info("job succeeded", metadata: ["seconds": "\(seconds)", "video_seconds": "\(result.duration)"])
        return .succeeded(try? store.job(job.id))
    }

    private func stopped(_ job: JobRecord, error: PipelineError, control: JobControl, logger: Logger) -> JobOutcome {
        let reason = control.stopReason
        if error.category == .cancelled || reason != .none {
            switch reason {
            case .shutdown:
                do {
                    try store.release(job.id, worker: worker)
                    // A cancel requested meanwhile ends the job instead (the store decides).
                    if let record = try? store.job(job.id), record.state == .canceled { return .canceled(record) }
                    logger.info("job released for the next start", metadata: ["stage": "\(error.stage?.rawValue ?? "-")"])
                    return .released
                } catch {
                    logger.error("job not released", metadata: ["error": "\(error)"])
                    return .abandoned
                }
            case .cancelRequested:
                do {
                    try store.markCanceled(job.id, worker: worker, now: Date())
                    logger.info("job canceled", metadata: ["stage": "\(error.stage?.rawValue ?? "-")"])
                    return .canceled(try? store.job(job.id))
                } catch {
                    logger.error("cancel not recorded", metadata: ["error": "\(error)"])
                    return .abandoned
                }
            case .leaseLost:
                logger.warning("lease lost: job left to its new owner")
                return .abandoned
            case .diskQuota:
                let folder = configuration.directory(for: job.id.rawValue).root
                let failure = JobDiskQuota(limit: configuration.maxJobBytes, folder: folder).failure(stage: error.stage)
                return record(failure, for: job, logger: logger)
            case .none:
                break  // Cancelled without a reason from the pool: a failure like any other.
            }
        }
        var failure = error.failure
        if failure.category == .cancelled {
            failure.category = .server
        }
        return record(failure, for: job, logger: logger)
    }

    /// Tells the store the attempt failed; it decides between a retry and dead by the category.
    private func record(_ failure: JobFailure, for job: JobRecord, logger: Logger) -> JobOutcome {
        do {
            let state = try store.fail(job.id, worker: worker, failure: failure, now: Date())
            logger.warning("job failed", metadata: ["code": "\(failure.code)", "error": "\(failure.message)", "state": "\(state.rawValue)"])
            return .failed(state, try? store.job(job.id))
        } catch {
            logger.error("failure not recorded", metadata: ["error": "\(error)"])
            return .abandoned
        }
    }
}

extension Duration {
    /// As a number of seconds.
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) * 1e-18
    }
}
