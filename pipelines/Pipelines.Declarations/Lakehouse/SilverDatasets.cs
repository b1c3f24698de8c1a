using Pipelines.Declarations.Functions;
using Pipelines.Declarations.Sources;
using Pipelines.Declarations.Schema;

namespace Pipelines.Declarations.Lakehouse;

/// <summary>The silver datasets of the courses, typed from the sources' declared schemas (never copied).</summary>
public static class SilverDatasets
{
    public static IReadOnlyList<SilverDataset> All { get; } = Declare();

    private static IReadOnlyList<SilverDataset> Declare()
    {
        SilverDataset FromDatabase(string name) => new()
        {
            Source = SourceDatasets.Named(name).Schema,
            BronzePrefix = $"{DbExtractContract.DefaultOutputPrefix}/{name}",
            Snapshot = ExtractTable.For(SourceDatasets.Named(name)).Mode == ExtractMode.Full,
        };
        return
        [
            FromDatabase("offices"),
            FromDatabase("productlines"),
            FromDatabase("employees") with { Sensitivity = Sensitivity.Confidential, ExtraRules = [new References("office_code", "offices", "office_code")] },
            FromDatabase("products") with
            {
                LatestBy = "updated_at",
                ExtraRules = [new InRange("buy_price", 0, null), new InRange("msrp", 0, null), new References("product_line", "productlines", "product_line")],
            },
            FromDatabase("customers") with
            {
                Sensitivity = Sensitivity.Confidential,
                LatestBy = "updated_at",
                ExtraRules = [new InRange("credit_limit", 0, null), new References("sales_rep_employee_number", "employees", "employee_number")],
            },
            FromDatabase("orders") with
            {
                LatestBy = "updated_at",
                Partitions = [new Partition("order_year", DataType.Integer, "year", "order_date", 1990, 2099)],
                ExtraRules = [new AcceptedValues("status", SalesSource.OrderStatuses), new References("customer_number", "customers", "customer_number")],
            },
            FromDatabase("orderdetails") with
            {
                ExtraRules = [new InRange("quantity_ordered", 1, null), new InRange("price_each", 0, null),
                    new References("order_number", "orders", "order_number"), new References("product_code", "products", "product_code")],
            },
            FromDatabase("payments") with
            {
                ExtraRules = [new InRange("amount", 0, null), new References("customer_number", "customers", "customer_number")],
            },
            FromDatabase("ratings") with
            {
                NaturalKeyColumns = ["customer_number", "product_code"],
                LatestBy = "rated_at",
                ExtraRules = [new InRange("rating", 1, 5), new References("customer_number", "customers", "customer_number"), new References("product_code", "products", "product_code")],
            },
            FromDatabase("artists") with { Domain = "music" },
            FromDatabase("songs") with
            {
                Domain = "music",
                LatestBy = "updated_at",
                ExtraRules = [new InRange("price", 0, null), new References("artist_id", "artists", "artist_id")],
            },
            new SilverDataset { Source = MusicSource.Users.Schema, BronzePrefix = $"{RestIngestionContract.DefaultOutputPrefix}/users", LatestBy = "updated_at",
                Domain = "music", Sensitivity = Sensitivity.Confidential },
            new SilverDataset
            {
                Source = MusicSource.ListeningSessions.Schema,
                BronzePrefix = $"{RestIngestionContract.DefaultOutputPrefix}/listening_sessions",
                Explode = "items",
                Domain = "music",
                NaturalKeyColumns = ["session_id", SilverDataset.ItemIndex],
                ExtraRules = [new InRange("price", 0, null), new References("user_id", "users", "user_id"), new References("song_id", "songs", "song_id")],
            },
        ];
    }
}
