using System.Text.Json;

namespace Lambda.Sessions;

/// <summary>How a session's own fields are written in every line made from it (enriched bronze, recommender input).</summary>
public static class SessionJson
{
    /// <summary>The session and who browsed: id, customer, place and credit limit.</summary>
    public static void WriteWho(Utf8JsonWriter json, SessionRecord session)
    {
        json.WriteString("session_id", session.SessionId);
        json.WriteNumber("customer_number", session.CustomerNumber);
        json.WriteString("city", session.City);
        json.WriteString("country", session.Country);
        json.WriteNumber("credit_limit", session.CreditLimit);
    }
}
