using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCare.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DropUnusedCheckInIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_svc_meal_checkins_ElderId_Day",
                table: "svc_meal_checkins");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_svc_meal_checkins_ElderId_Day",
                table: "svc_meal_checkins",
                columns: new[] { "ElderId", "Day" });
        }
    }
}
