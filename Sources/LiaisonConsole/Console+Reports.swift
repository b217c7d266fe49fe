import Hummingbird

extension Console {
  func addReportRoutes<Context: RequestContext>(to router: Router<Context>) {
  }
}
