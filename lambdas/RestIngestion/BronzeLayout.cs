namespace RestIngestion;

/// <summary>Where pages, manifests and checkpoints go: deterministic from resource, ingest date, run and page.</summary>
public sealed record BronzeLayout(string OutputPrefix, string StatePrefix)
{
    public string RunFolder(string resource, RunState run) => $"{OutputPrefix}/{resource}/ingest_date={run.IngestDate}/run={run.Id}";

    public string PageKey(string resource, RunState run, int page) => $"{RunFolder(resource, run)}/page-{page:D5}.ndjson.gz";

    public string ManifestKey(string resource, RunState run) => $"{RunFolder(resource, run)}/_manifest.json";

    public string StateKey(string resource) => $"{StatePrefix}/{resource}.json";
}
