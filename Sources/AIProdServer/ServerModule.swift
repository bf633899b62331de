/// The HTTP API.
enum ServerModule {}
