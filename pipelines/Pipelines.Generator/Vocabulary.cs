using Pipelines.Declarations.Sources;

namespace Pipelines.Generator;

/// <summary>Word lists the generator draws names and places from.</summary>
public static class Vocabulary
{
    public static readonly string[] FirstNames =
        ["Mary", "Jeff", "William", "Julie", "Steve", "Leslie", "Anthony", "Foon Yue", "George", "Gerard", "Loui", "Pamela",
         "Larry", "Barry", "Andy", "Peter", "Tom", "Mami", "Yoshimi", "Martin", "Carine", "Jean", "Diego", "Elena", "Sofia",
         "Lukas", "Amara", "Kenji", "Priya", "Omar"];

    public static readonly string[] LastNames =
        ["Murphy", "Patterson", "Firrelli", "Bondur", "Bow", "Jennings", "Thompson", "Tseng", "Vanauf", "Hernandez", "Castillo",
         "Bott", "Jones", "Fixter", "Marsh", "King", "Nishi", "Kato", "Gerard", "Schmitt", "King", "Ferguson", "Moreno", "Rossi",
         "Novak", "Okafor", "Tanaka", "Sharma", "Haddad", "Lindqvist"];

    public static readonly string[] CompanyWords =
        ["Atelier", "Signal", "Australian", "La Rochelle", "Baane", "Mini", "Land of", "Euro", "Volvo", "Danish", "Saveley",
         "Dragon", "Muscle", "Diecast", "Technics", "Handji", "Gift", "Classic", "Auto", "Toys"];

    public static readonly string[] CompanySuffixes = ["Co.", "Ltd.", "Inc.", "Collectables", "Imports", "Gifts", "Models", "Distributors"];

    /// <summary>City, state (USA only) and country; about four in ten are in the USA, as in the sample.</summary>
    public static readonly (string City, string? State, string Country)[] Places =
    [
        ("San Francisco", "CA", "USA"), ("NYC", "NY", "USA"), ("Boston", "MA", "USA"), ("Las Vegas", "NV", "USA"),
        ("San Rafael", "CA", "USA"), ("Philadelphia", "PA", "USA"), ("Cambridge", "MA", "USA"), ("New Haven", "CT", "USA"),
        ("Nantes", null, "France"), ("Paris", null, "France"), ("Melbourne", null, "Australia"), ("Madrid", null, "Spain"),
        ("Oslo", null, "Norway"), ("Frankfurt", null, "Germany"), ("Tokyo", null, "Japan"), ("Singapore", null, "Singapore"),
        ("London", null, "UK"), ("Torino", null, "Italy"), ("Helsinki", null, "Finland"), ("Auckland", null, "New Zealand"),
    ];

    public static readonly (string City, string State, string Country, string Territory, string PostalCode)[] Offices =
    [
        ("San Francisco", "CA", "USA", "NA", "94080"), ("Boston", "MA", "USA", "NA", "02107"), ("NYC", "NY", "USA", "NA", "10022"),
        ("Paris", "", "France", "EMEA", "75017"), ("Tokyo", "Chiyoda-Ku", "Japan", "Japan", "102-8578"),
        ("Sydney", "NSW", "Australia", "APAC", "NSW 2010"), ("London", "", "UK", "EMEA", "EC2N 1HN"),
    ];

    public static readonly (string Name, string Description)[] ProductLines =
    [
        ("Classic Cars", "Precise replicas of classic cars in 1:10 to 1:24 scale."),
        ("Motorcycles", "Replicas of classic and modern motorcycles with detailed engines."),
        ("Planes", "Models of historic and contemporary aircraft."),
        ("Ships", "Replicas of sailing ships, ocean liners and warships."),
        ("Trains", "Model trains with locomotives, cars and accessories."),
        ("Trucks and Buses", "Replicas of trucks and buses from every era."),
        ("Vintage Cars", "Models of cars built before 1950."),
    ];

    public static readonly string[] ProductScales = ["1:10", "1:12", "1:18", "1:24", "1:32", "1:50", "1:72", "1:700"];

    public static readonly string[] ProductVendors =
        ["Min Lin Diecast", "Classic Metal Creations", "Highway 66 Mini Classics", "Red Start Diecast", "Motor City Art Classics",
         "Second Gear Diecast", "Autoart Studio Design", "Welly Diecast Productions", "Unimax Art Galleries", "Exoto Designs",
         "Gearbox Collectibles", "Carousel DieCast Legends", "Studio M Art Models"];

    public static readonly string[] ProductNouns =
        ["Roadster", "Coupe", "Convertible", "Harley", "Spitfire", "Schooner", "Locomotive", "Pickup", "Sedan", "Bus", "Cruiser", "Biplane"];

    /// <summary>The declared statuses, the first (shipped) six times as likely as each other.</summary>
    public static readonly string[] OrderStatuses = [.. Enumerable.Repeat(SalesSource.OrderStatuses[0], 5), .. SalesSource.OrderStatuses];

    public static readonly string[] JobTitles = ["President", "VP Sales", "VP Marketing", "Sales Manager (APAC)", "Sale Manager (EMEA)", "Sales Manager (NA)"];

    public static readonly string[] DeviceTypes = ["desktop", "mobile", "tablet"];

    public static readonly string[] ArtistWords = ["Velvet", "Neon", "Silver", "Midnight", "Paper", "Electric", "Golden", "Crimson", "Hollow", "Static"];

    public static readonly string[] ArtistNouns = ["Foxes", "Harbor", "Echoes", "Lights", "Engines", "Tigers", "Rivers", "Satellites", "Ghosts", "Parade"];

    public static readonly string[] SongWords = ["Love", "Night", "Road", "Summer", "Heart", "Fire", "Rain", "City", "Dream", "Stars", "Home", "Blue"];
}
