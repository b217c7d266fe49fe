import Hummingbird

extension Console {
  func addOfficeRoutes<Context: RequestContext>(to router: Router<Context>) {
  }
}
