using Pipelines.Declarations.Schema;

namespace Pipelines.Declarations.Sources;

/// <summary>The classicmodels sales schema plus ratings: the relational source of courses 1, 3 and 4 (and the REST API's sales resources).</summary>
public static class SalesSource
{
    /// <summary>The statuses an order may hold (silver accepts these and no other).</summary>
    public static readonly IReadOnlyList<string> OrderStatuses = ["Shipped", "Resolved", "Cancelled", "On Hold", "Disputed", "In Process"];

    public static readonly SourceDataset Offices = new(new DatasetSchema("offices", "sales offices", [
        Column.KeyOf("office_code", DataType.Text),
        Column.Required("city", DataType.Text),
        Column.Required("phone", DataType.Text),
        Column.Required("address_line1", DataType.Text),
        Column.Optional("address_line2", DataType.Text),
        Column.Optional("state", DataType.Text),
        Column.Required("country", DataType.Text),
        Column.Required("postal_code", DataType.Text),
        Column.Required("territory", DataType.Text),
    ]), TableExtraction.Full);

    public static readonly SourceDataset ProductLines = new(new DatasetSchema("productlines", "product lines", [
        Column.KeyOf("product_line", DataType.Text),
        Column.Required("text_description", DataType.Text),
    ]), TableExtraction.Full);

    public static readonly SourceDataset Employees = new(new DatasetSchema("employees", "employees and whom they report to", [
        Column.KeyOf("employee_number", DataType.Integer),
        Column.Required("last_name", DataType.Text),
        Column.Required("first_name", DataType.Text),
        Column.Required("extension", DataType.Text),
        Column.Required("email", DataType.Text),
        Column.Required("office_code", DataType.Text),
        Column.Optional("reports_to", DataType.Integer),
        Column.Required("job_title", DataType.Text),
    ]), TableExtraction.Full);

    public static readonly SourceDataset Products = new(new DatasetSchema("products", "products with their line, stock and prices", [
        Column.KeyOf("product_code", DataType.Text),
        Column.Required("product_name", DataType.Text),
        Column.Required("product_line", DataType.Text),
        Column.Required("product_scale", DataType.Text),
        Column.Required("product_vendor", DataType.Text),
        Column.Optional("product_description", DataType.Text),
        Column.Required("quantity_in_stock", DataType.Integer),
        Column.Required("buy_price", DataType.Decimal),
        Column.Required("msrp", DataType.Decimal),
        Column.Required("updated_at", DataType.Timestamp),
    ]), TableExtraction.Incremental("updated_at"));

    public static readonly SourceDataset Customers = new(new DatasetSchema("customers", "customers with their address, sales representative and credit limit", [
        Column.KeyOf("customer_number", DataType.Integer),
        Column.Required("customer_name", DataType.Text),
        Column.Required("contact_last_name", DataType.Text),
        Column.Required("contact_first_name", DataType.Text),
        Column.Required("phone", DataType.Text),
        Column.Required("address_line1", DataType.Text),
        Column.Optional("address_line2", DataType.Text),
        Column.Required("city", DataType.Text),
        Column.Optional("state", DataType.Text),
        Column.Optional("postal_code", DataType.Text),
        Column.Required("country", DataType.Text),
        Column.Optional("sales_rep_employee_number", DataType.Integer),
        Column.Required("credit_limit", DataType.Decimal),
        Column.Required("updated_at", DataType.Timestamp),
    ]), TableExtraction.Incremental("updated_at"));

    public static readonly SourceDataset Orders = new(new DatasetSchema("orders", "orders and their status", [
        Column.KeyOf("order_number", DataType.Integer),
        Column.Required("order_date", DataType.Date),
        Column.Required("required_date", DataType.Date),
        Column.Optional("shipped_date", DataType.Date),
        Column.Required("status", DataType.Text),
        Column.Optional("comments", DataType.Text),
        Column.Required("customer_number", DataType.Integer),
        Column.Required("updated_at", DataType.Timestamp),
    ]), TableExtraction.Incremental("updated_at"));

    public static readonly SourceDataset OrderDetails = new(new DatasetSchema("orderdetails", "order lines: product, quantity and price", [
        Column.KeyOf("order_number", DataType.Integer),
        Column.KeyOf("product_code", DataType.Text),
        Column.Required("quantity_ordered", DataType.Integer),
        Column.Required("price_each", DataType.Decimal),
        Column.Required("order_line_number", DataType.Integer),
    ]), TableExtraction.Full);

    public static readonly SourceDataset Payments = new(new DatasetSchema("payments", "customers' payments by check", [
        Column.KeyOf("customer_number", DataType.Integer),
        Column.KeyOf("check_number", DataType.Text),
        Column.Required("payment_date", DataType.Date),
        Column.Required("amount", DataType.Decimal),
    ]), TableExtraction.Full);

    public static readonly SourceDataset Ratings = new(new DatasetSchema("ratings", "customers' ratings of products, 1 to 5", [
        Column.KeyOf("rating_id", DataType.Integer),
        Column.Required("customer_number", DataType.Integer),
        Column.Required("product_code", DataType.Text),
        Column.Required("rating", DataType.Integer),
        Column.Required("rated_at", DataType.Timestamp),
    ]), TableExtraction.ByKey("rating_id"));

    public static IReadOnlyList<SourceDataset> All { get; } = [Offices, ProductLines, Employees, Products, Customers, Orders, OrderDetails, Payments, Ratings];
}
