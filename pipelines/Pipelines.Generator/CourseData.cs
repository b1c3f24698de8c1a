using Pipelines.Declarations.Sources;
using Pipelines.Generator.Events;
using Pipelines.Generator.Music;
using Pipelines.Generator.Sales;

namespace Pipelines.Generator;

/// <summary>Every dataset the courses use, generated from one set of settings with keys consistent across them.</summary>
public sealed class CourseData
{
    public CourseData(GeneratorSettings settings)
    {
        Settings = settings.Validated();
        var offices = new Offices(Settings);
        var productLines = new ProductLines(Settings);
        var employees = new Employees(Settings);
        var products = new Products(Settings);
        var customers = new Customers(Settings, employees);
        var orders = new Orders(Settings, customers);
        var artists = new Artists(Settings);
        var songs = new Songs(Settings, artists);
        var users = new Users(Settings);
        Sales = [offices, productLines, employees, products, customers, orders, new OrderDetails(Settings, orders, products),
            new Payments(Settings, customers), new Ratings(Settings, customers, products)];
        Events = [new WebSessions(Settings, customers, products), new OrderEvents(Settings, customers, products)];
        var sessions = new ListeningSessions(Settings, users, songs, artists);
        Music = [artists, songs, users, sessions];
        Relational = [.. SourceDatasets.Relational.Select(table => this[table.Name])];
    }

    public GeneratorSettings Settings { get; }

    /// <summary>The classicmodels sales schema plus ratings: the relational source of courses 1, 3 and 4.</summary>
    public IReadOnlyList<DatasetGenerator> Sales { get; }

    /// <summary>Web sessions and order events: what the streams carry.</summary>
    public IReadOnlyList<DatasetGenerator> Events { get; }

    /// <summary>The capstone's music service: artists and songs in the database, users and sessions behind the API.</summary>
    public IReadOnlyList<DatasetGenerator> Music { get; }

    public IEnumerable<DatasetGenerator> All => Sales.Concat(Events).Concat(Music);

    public DatasetGenerator this[string name] =>
        All.FirstOrDefault(dataset => dataset.Schema.Name == name)
        ?? throw new ArgumentException($"no dataset '{name}': known datasets are {string.Join(", ", All.Select(d => d.Schema.Name))}", nameof(name));

    /// <summary>The tables of the relational source, in the order <see cref="SourceDatasets.Relational"/> declares them.</summary>
    public IReadOnlyList<DatasetGenerator> Relational { get; }

    /// <summary>The rows of a declared source dataset.</summary>
    public DatasetGenerator this[SourceDataset dataset] => this[dataset.Name];
}
