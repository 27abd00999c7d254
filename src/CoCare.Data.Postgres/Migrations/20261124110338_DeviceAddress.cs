using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCare.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DeviceAddress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AddressCipher",
                table: "alr_devices",
                type: "character varying(1200)",
                maxLength: 1200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AddressCipher",
                table: "alr_devices");
        }
    }
}
