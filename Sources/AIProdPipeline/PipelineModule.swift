/// The stage runner and the worker pool.
enum PipelineModule {}
