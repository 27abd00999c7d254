using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCare.Data.Sqlite.Migrations
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
                type: "TEXT",
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
