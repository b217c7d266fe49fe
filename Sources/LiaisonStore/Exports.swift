@_exported import LiaisonTownship
