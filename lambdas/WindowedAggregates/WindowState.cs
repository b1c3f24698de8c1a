using System.Globalization;

namespace WindowedAggregates;

/// <summary>
/// A window's running totals, carried between invocations as Lambda's string map: orders, total sales,
/// orders per device type and quarantined events. Lambda keeps the state of the last successful
/// invocation, so a retried batch starts again from the totals before it.
/// </summary>
public sealed class WindowState
{
    private const string OrdersKey = "orders";
    private const string SalesKey = "sales";
    private const string QuarantinedKey = "quarantined";
    private const string DevicePrefix = "device:";
    private const string FirstKey = "first";

    /// <summary>Lambda keeps at most 1 MB of tumbling-window state; the device types are its only part that grows with the data.</summary>
    public const int MaxStateBytes = 1024 * 1024;

    /// <summary>Longest device type counted (UTF-16 characters, so at most 4 bytes each in the state's JSON, escapes aside).</summary>
    public const int MaxDeviceTypeLength = 64;

    /// <summary>Most device types one window counts: with the longest names the state stays far below <see cref="MaxStateBytes"/>.</summary>
    public const int MaxDeviceTypes = 256;

    public long Orders { get; private set; }
    public decimal Sales { get; private set; }
    public long Quarantined { get; private set; }

    /// <summary>The sequence number of the first record these totals hold: their result object is named by it.</summary>
    public string? First { get; set; }
    public SortedDictionary<string, long> OrdersPerDevice { get; } = new(StringComparer.Ordinal);

    public static WindowState From(IReadOnlyDictionary<string, string> state)
    {
        var window = new WindowState();
        foreach (var (key, value) in state)
        {
            switch (key)
            {
                case OrdersKey: window.Orders = long.Parse(value, CultureInfo.InvariantCulture); break;
                case SalesKey: window.Sales = decimal.Parse(value, CultureInfo.InvariantCulture); break;
                case QuarantinedKey: window.Quarantined = long.Parse(value, CultureInfo.InvariantCulture); break;
                case FirstKey: window.First = value; break;
                default:
                    if (key.StartsWith(DevicePrefix, StringComparison.Ordinal))
                    {
                        window.OrdersPerDevice[key[DevicePrefix.Length..]] = long.Parse(value, CultureInfo.InvariantCulture);
                    }
                    break;
            }
        }
        return window;
    }

    /// <summary>Counts the order; throws <see cref="OverflowException"/>, changing nothing, when the window's sales would overflow.</summary>
    public void Add(OrderEvent order)
    {
        var sales = Sales + order.TotalPrice;
        Orders = checked(Orders + 1);
        Sales = sales;
        OrdersPerDevice[order.DeviceType] = OrdersPerDevice.GetValueOrDefault(order.DeviceType) + 1;
    }

    public void Reject() => Quarantined++;

    public Dictionary<string, string> ToMap()
    {
        var map = new Dictionary<string, string>
        {
            [OrdersKey] = Orders.ToString(CultureInfo.InvariantCulture),
            [SalesKey] = Sales.ToString(CultureInfo.InvariantCulture),
            [QuarantinedKey] = Quarantined.ToString(CultureInfo.InvariantCulture),
        };
        if (First is not null)
        {
            map[FirstKey] = First;
        }
        foreach (var (device, count) in OrdersPerDevice)
        {
            map[DevicePrefix + device] = count.ToString(CultureInfo.InvariantCulture);
        }
        return map;
    }
}
