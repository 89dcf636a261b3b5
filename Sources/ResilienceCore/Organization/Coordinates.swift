/// A place on the earth in decimal degrees (WGS 84).
public struct Coordinates: Hashable, Sendable, Codable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) throws(DomainError) {
        guard latitude.isFinite, (-90...90).contains(latitude) else {
            throw DomainError(.latitudeOutOfRange, field: "latitude")
        }
        guard longitude.isFinite, (-180...180).contains(longitude) else {
            throw DomainError(.longitudeOutOfRange, field: "longitude")
        }
        self.latitude = latitude
        self.longitude = longitude
    }
}
